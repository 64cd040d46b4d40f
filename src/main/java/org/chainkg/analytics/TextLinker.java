package org.chainkg.analytics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;

/**
 * Text-based candidate links from research outputs to chain items: the chain items' names and descriptions are
 * indexed with Lucene (English analyzer, BM25); each output's title and abstract give a query of its most
 * distinctive terms (Lucene MoreLikeThis); the best items whose BM25 score reaches {@link #MIN_SCORE} (and at least
 * {@link #RELATIVE} of the best score) become {@code ck:TextLink}s with method "bm25-text" and the score. They are
 * candidates, kept apart from the curated CPC mapping.
 */
public final class TextLinker implements Derivation {
    /** Most items linked to one output. */
    public static final int TOP_K = 3;
    /** Lowest BM25 score of a link. */
    public static final double MIN_SCORE = 6.0;
    /** A link's score must be at least this share of the output's best link score. */
    public static final double RELATIVE = 0.6;
    private static final int QUERY_TERMS = 25;

    private static final String ITEMS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?item (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?description) WHERE {
          ?item a ck:ChainItem ; rdfs:label ?l . FILTER(lang(?l) = "en" || lang(?l) = "")
          OPTIONAL { ?item dcterms:description ?d }
        } GROUP BY ?item ORDER BY ?item""";
    private static final String OUTPUTS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?o (GROUP_CONCAT(DISTINCT ?t; separator=" ") AS ?text) WHERE {
          ?o a ck:ResearchOutput .
          { ?o dcterms:title ?t } UNION { ?o dcterms:abstract ?t }
        } GROUP BY ?o ORDER BY ?o""";

    @Override public String name() { return "text-links"; }
    @Override public String version() { return "1.0.0"; }
    @Override public String description() {
        return "Candidate links from research outputs (title and abstract) to chain items (name and description) by "
               + "Lucene BM25 with MoreLikeThis queries; top " + TOP_K + ", score >= " + MIN_SCORE + " and >= "
               + RELATIVE + " x best.";
    }

    @Override
    public long derive(DatasetGraph dsg, Node graph, TripleWriter out) {
        List<Node> items = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); EnglishAnalyzer analyzer = new EnglishAnalyzer()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer));
                 QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(ITEMS)).build()) {
                q.select().forEachRemaining(b -> {
                    Document d = new Document();
                    d.add(new TextField("name", b.get("label").getLiteralLexicalForm(), Field.Store.NO));
                    if (b.get("description") != null)
                        d.add(new TextField("description", b.get("description").getLiteralLexicalForm(), Field.Store.NO));
                    d.add(new StoredField("n", items.size()));
                    items.add(b.get("item"));
                    try { w.addDocument(d); } catch (IOException e) { throw new UncheckedIOException(e); }
                });
            }
            if (items.isEmpty()) return 0;
            Map<Node, String> outputs = new LinkedHashMap<>();
            try (QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(OUTPUTS)).build()) {
                q.select().forEachRemaining(b -> outputs.put(b.get("o"), b.get("text").getLiteralLexicalForm()));
            }
            long links = 0;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {"name", "description"});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(1);
                mlt.setMaxQueryTerms(QUERY_TERMS);
                for (Map.Entry<Node, String> e : outputs.entrySet()) {
                    Query query = query(mlt, e.getValue());
                    ScoreDoc[] hits = searcher.search(query, TOP_K).scoreDocs;
                    if (hits.length == 0 || hits[0].score < MIN_SCORE) continue;
                    for (ScoreDoc hit : hits) {
                        if (hit.score < MIN_SCORE || hit.score < RELATIVE * hits[0].score) break;
                        Node item = items.get(searcher.storedFields().document(hit.doc).getField("n").numericValue().intValue());
                        Node link = Iris.instance("text-link", Integer.toHexString((e.getKey().getURI() + " " + item.getURI()).hashCode()));
                        out.type(link, CK.TextLink);
                        out.add(link, CK.linkedOutput, e.getKey());
                        out.add(link, CK.linkedItem, item);
                        out.text(link, CK.linkMethod, "bm25-text");
                        out.decimal(link, CK.score, BigDecimal.valueOf(hit.score).setScale(3, RoundingMode.HALF_UP));
                        links++;
                    }
                }
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query query(MoreLikeThis mlt, String text) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(mlt.like("name", new StringReader(text)), BooleanClause.Occur.SHOULD);
        b.add(mlt.like("description", new StringReader(text)), BooleanClause.Occur.SHOULD);
        return b.build();
    }
}
