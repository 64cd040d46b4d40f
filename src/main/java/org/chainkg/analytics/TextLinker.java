package org.chainkg.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.store.Lucene;

/**
 * Text-based candidate links from research outputs to chain items. The outputs' titles and abstracts are indexed
 * with Lucene (English analyzer, BM25). Each chain item asks the index for the outputs that contain every
 * informative word of its name (generic words such as "tools", "materials", "systems" do not count) and, for a
 * one-word name, also at least {@link #MIN_DESCRIPTION_MATCH} words of its description; the words of its
 * description raise the BM25 score of outputs that share them. Links whose score reaches {@link #MIN_SCORE} are kept,
 * at most {@link #TOP_K} items per output (the best scores). They become {@code ck:TextLink}s with method
 * "bm25-text" and the score: candidates, kept apart from the curated CPC mapping. Thresholds are system properties
 * ({@code chainkg.textlinks.topK}, {@code .minScore}).
 */
public final class TextLinker implements Derivation {
    /** Most items linked to one output (system property chainkg.textlinks.topK). */
    public static final int TOP_K = Integer.getInteger("chainkg.textlinks.topK", 3);
    /** Lowest BM25 score of a link (system property chainkg.textlinks.minScore). */
    public static final double MIN_SCORE = Double.parseDouble(System.getProperty("chainkg.textlinks.minScore", "0"));
    /** For items with a one-word name: description words an output must also contain. */
    public static final int MIN_DESCRIPTION_MATCH = 3;
    private static final float DESCRIPTION_BOOST = 0.2f;
    private static final int DESCRIPTION_TERMS = 40;
    /** Words that say what kind of thing an item is, not what it is about. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("tool", "materi", "system", "equip",
        "process", "adv", "pkg", "other", "misc", "and", "for", "non", "product", "resourc", "devic", "specif", "gener");

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
          { ?o dcterms:title ?t FILTER(lang(?t) = "en" || lang(?t) = "") } UNION { ?o dcterms:abstract ?t FILTER(lang(?t) = "en" || lang(?t) = "") }
        } GROUP BY ?o ORDER BY ?o""";

    @Override public String name() { return "text-links"; }
    @Override public String version() { return "2.0.0"; }
    @Override public String description() {
        return "Candidate links from research outputs (English title and abstract) to chain items: outputs containing "
               + "all informative words of the item's name, ranked by Lucene BM25 with the item's description; score >= "
               + MIN_SCORE + ", top " + TOP_K + " items per output.";
    }

    private record Hit(Node item, double score) {}

    @Override
    public long derive(DatasetGraph dsg, Node graph, TripleWriter out) {
        List<Node> outputs = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); EnglishAnalyzer analyzer = new EnglishAnalyzer()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer));
                 QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(OUTPUTS)).build()) {
                q.select().forEachRemaining(b -> {
                    Document d = new Document();
                    d.add(new TextField("text", b.get("text").getLiteralLexicalForm(), Field.Store.NO));
                    d.add(new StoredField("n", outputs.size()));
                    outputs.add(b.get("o"));
                    try { w.addDocument(d); } catch (IOException e) { throw new UncheckedIOException(e); }
                });
            }
            if (outputs.isEmpty()) return 0;
            // Per output, its best TOP_K items so far, best first; among equal scores the item asked first stays
            // first (items are asked in IRI order), so the result does not depend on threads.
            Map<Integer, List<Hit>> best = new HashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int[] outputOf = Lucene.storedInts(reader, "n");
                List<Binding> items = new ArrayList<>();
                try (QueryExec q = QueryExec.dataset(dsg).query(QueryFactory.create(ITEMS)).build()) {
                    q.select().forEachRemaining(items::add);
                }
                // Searches run in parallel (one item each, IndexSearcher is thread-safe); their hits are merged in
                // item order, a block at a time, so memory holds one block's hits.
                for (int from = 0; from < items.size(); from += BLOCK) {
                    List<Binding> block = items.subList(from, Math.min(items.size(), from + BLOCK));
                    List<ScoreDoc[]> found = block.parallelStream().map(b -> search(searcher, analyzer, b)).toList();
                    for (int i = 0; i < block.size(); i++) {
                        Node item = block.get(i).get("item");
                        for (ScoreDoc hit : found.get(i)) {
                            if (hit.score < MIN_SCORE) break;
                            keepBest(best.computeIfAbsent(outputOf[hit.doc], k -> new ArrayList<>(TOP_K + 1)), new Hit(item, hit.score));
                        }
                    }
                }
            }
            long links = 0;
            for (Map.Entry<Integer, List<Hit>> e : best.entrySet()) {
                Node output = outputs.get(e.getKey());
                for (Hit h : e.getValue()) {
                    Node link = Iris.derived("text-link", output.getURI(), h.item().getURI());
                    out.type(link, CK.TextLink);
                    out.add(link, CK.linkedOutput, output);
                    out.add(link, CK.linkedItem, h.item());
                    out.text(link, CK.linkMethod, "bm25-text");
                    out.decimal(link, CK.score, BigDecimal.valueOf(h.score()).setScale(3, RoundingMode.HALF_UP));
                    links++;
                }
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items searched in parallel between two merges. */
    private static final int BLOCK = 512;

    /** Every output matching the item's question, best first; none when it has none. */
    private static ScoreDoc[] search(IndexSearcher searcher, Analyzer analyzer, Binding b) {
        try {
            Query query = itemQuery(analyzer, b.get("label").getLiteralLexicalForm(),
                b.get("description") == null ? "" : b.get("description").getLiteralLexicalForm());
            return query == null ? new ScoreDoc[0] : Lucene.allHits(searcher, query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts the hit into the output's best-first list of at most TOP_K: after every hit with an equal or higher score. */
    private static void keepBest(List<Hit> list, Hit hit) {
        int at = list.size();
        while (at > 0 && list.get(at - 1).score() < hit.score()) at--;
        if (at >= TOP_K) return;
        list.add(at, hit);
        if (list.size() > TOP_K) list.remove(list.size() - 1);
    }

    /** All informative name words must occur; description words add to the score. Null when the name has none. */
    static Query itemQuery(Analyzer analyzer, String name, String description) throws IOException {
        List<String> nameTerms = terms(analyzer, name, 20);
        nameTerms.removeIf(t -> GENERIC.contains(t) || t.length() < 2);
        if (nameTerms.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new java.util.LinkedHashSet<>(nameTerms))
            b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.MUST);
        List<String> descTerms = terms(analyzer, description, DESCRIPTION_TERMS);
        descTerms.removeIf(t -> GENERIC.contains(t) || nameTerms.contains(t) || t.length() < 3);
        if (!descTerms.isEmpty()) {
            BooleanQuery.Builder d = new BooleanQuery.Builder();
            for (String t : new java.util.LinkedHashSet<>(descTerms))
                d.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            if (new java.util.HashSet<>(nameTerms).size() == 1) d.setMinimumNumberShouldMatch(MIN_DESCRIPTION_MATCH);
            b.add(new BoostQuery(d.build(), DESCRIPTION_BOOST), new java.util.HashSet<>(nameTerms).size() == 1
                  ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        } else if (new java.util.HashSet<>(nameTerms).size() == 1) {
            return null;
        }
        return b.build();
    }

    private static List<String> terms(Analyzer analyzer, String text, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max * 3) {
                String t = term.toString();
                if (!out.contains(t)) out.add(t);
            }
            ts.end();
        }
        return out.size() > max ? out.subList(0, max) : out;
    }
}
