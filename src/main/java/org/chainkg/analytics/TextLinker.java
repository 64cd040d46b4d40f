package org.chainkg.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.store.Lucene;

/**
 * Text-based candidate links from research outputs to chain items. The outputs' titles and abstracts are indexed
 * with Lucene (English analyzer, BM25). Each chain item asks the index for the outputs that contain every
 * informative word of its name (generic words such as "tools", "materials", "systems" do not count), near each other
 * ({@link #NAME_SLOP}), the last of them (the head of the compound) in the same word form, plurals aside
 * ({@link #HEAD_FORM}: "designed" is no design, "resistant" no resist), and, for a one-word name, also at least
 * {@link #MIN_DESCRIPTION_MATCH} words of its description; the words of its description raise the BM25 score of
 * outputs that share them. Precision and recall on labelled pairs: EVALUATION.md ({@link TextLinkEvaluation}). Links whose score reaches {@link #MIN_SCORE} are kept,
 * at most {@link #TOP_K} items per output (the best scores). They become {@code ck:TextLink}s with method
 * "bm25-text", the score and the matched words ({@code ck:evidenceTerms}): candidates, kept apart from the curated
 * CPC mapping. Links below the threshold are not written. Settings are system properties
 * ({@code chainkg.textlinks.topK}, {@code .minScore}, {@code .nameSlop}, {@code .headForm}).
 * <pre>
 * List&lt;TextLinker.Link&gt; links = TextLinker.links(dsg, TextLinker.MIN_SCORE);   // inside a read transaction
 * </pre>
 */
public final class TextLinker implements Derivation {
    /** Most items linked to one output (system property chainkg.textlinks.topK). */
    public static final int TOP_K = Integer.getInteger("chainkg.textlinks.topK", 3);
    /** Lowest BM25 score of a link (system property chainkg.textlinks.minScore). */
    public static final double MIN_SCORE = Double.parseDouble(System.getProperty("chainkg.textlinks.minScore", "0.5"));
    /** For items with a one-word name: description words an output must also contain. */
    public static final int MIN_DESCRIPTION_MATCH = 3;
    /** How far apart (in word moves) the words of a several-word name may stand in the output's text. */
    /** Whether the head word of an item's name must occur in the same form (system property chainkg.textlinks.headForm). */
    public static final boolean HEAD_FORM = Boolean.parseBoolean(System.getProperty("chainkg.textlinks.headForm", "true"));
    public static final int NAME_SLOP = Integer.getInteger("chainkg.textlinks.nameSlop", 3);
    private static final float DESCRIPTION_BOOST = 0.2f;
    private static final int DESCRIPTION_TERMS = 40;
    /** Words that say what kind of thing an item is, not what it is about. */
    private static final Set<String> GENERIC = Set.of("tool", "materi", "system", "equip",
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

    /** Reads chain items and research outputs, with their labels, titles and abstracts. */
    @Override public java.util.Set<Node> reads() { return java.util.Set.of(CK.ChainItem, CK.ResearchOutput); }

    @Override public String name() { return "text-links"; }
    @Override public String version() { return "3.0.0"; }
    @Override public String description() {
        return "Candidate links from research outputs (English title and abstract) to chain items: outputs containing "
               + "all informative words of the item's name, ranked by Lucene BM25 with the item's description; score >= "
               + MIN_SCORE + ", top " + TOP_K + " items per output; name words within " + NAME_SLOP + " moves, head word in the same form: "
               + HEAD_FORM + "; the matched words are recorded.";
    }

    /** A link found: the output, the item, its BM25 score and the item's words the output contains (surface forms, name first). */
    public record Link(Node output, Node item, double score, List<String> words) {}

    /** An item's question: the Lucene query and, per analysed term, the item's word it comes from. */
    record ItemQuery(Node item, Query query, Map<String, String> surface) {}

    private record Hit(ItemQuery item, int doc, double score) {}

    @Override
    public long derive(StoreReader in, TripleWriter out) {
        long links = 0;
        for (Link l : links(in, MIN_SCORE)) {
            Node link = Iris.derived("text-link", l.output().getURI(), l.item().getURI());
            out.type(link, CK.TextLink);
            out.add(link, CK.linkedOutput, l.output());
            out.add(link, CK.linkedItem, l.item());
            out.text(link, CK.linkMethod, "bm25-text");
            out.decimal(link, CK.score, BigDecimal.valueOf(l.score()).setScale(3, RoundingMode.HALF_UP));
            out.text(link, CK.evidenceTerms, String.join(", ", l.words()));
            links++;
        }
        return links;
    }

    /**
     * The links of every research output in the store whose score reaches {@code minScore}, at most {@link #TOP_K}
     * per output, ordered by output (IRI) then score descending. Call inside a read transaction.
     */
    public static List<Link> links(DatasetGraph dsg, double minScore) {
        return links(StoreReader.of(dsg), minScore);
    }

    /** As {@link #links(DatasetGraph, double)}, through a {@link StoreReader}. */
    public static List<Link> links(StoreReader in, double minScore) {
        List<Node> outputs = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); EnglishAnalyzer analyzer = new EnglishAnalyzer();
             Analyzer forms = wordForms(); Analyzer fields = new PerFieldAnalyzerWrapper(analyzer, Map.of("form", forms))) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(fields))) {
                in.select(OUTPUTS, b -> {
                    Document d = new Document();
                    d.add(new TextField("text", b.get("text").getLiteralLexicalForm(), Field.Store.NO));
                    d.add(new TextField("form", b.get("text").getLiteralLexicalForm(), Field.Store.NO));
                    d.add(new StoredField("n", outputs.size()));
                    outputs.add(b.get("o"));
                    try { w.addDocument(d); } catch (IOException e) { throw new UncheckedIOException(e); }
                });
            }
            if (outputs.isEmpty()) return List.of();
            List<ItemQuery> items = new ArrayList<>();
            in.select(ITEMS, b -> {
                ItemQuery q = itemQuery(analyzer, forms, b.get("item"), b.get("label").getLiteralLexicalForm(),
                    b.get("description") == null ? "" : b.get("description").getLiteralLexicalForm());
                if (q != null) items.add(q);
            });
            // Per output, its best TOP_K items so far, best first; among equal scores the item asked first stays
            // first (items are asked in IRI order), so the result does not depend on threads.
            Map<Integer, List<Hit>> best = new HashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int[] outputOf = Lucene.storedInts(reader, "n");
                // Searches run in parallel (one item each, IndexSearcher is thread-safe); their hits are merged in
                // item order, a block at a time, so memory holds one block's hits.
                for (int from = 0; from < items.size(); from += BLOCK) {
                    List<ItemQuery> block = items.subList(from, Math.min(items.size(), from + BLOCK));
                    List<ScoreDoc[]> found = block.parallelStream().map(q -> Lucene.allHits(searcher, q.query())).toList();
                    for (int i = 0; i < block.size(); i++) {
                        for (ScoreDoc hit : found.get(i)) {
                            if (hit.score < minScore) break;
                            keepBest(best.computeIfAbsent(outputOf[hit.doc], k -> new ArrayList<>(TOP_K + 1)),
                                     new Hit(block.get(i), hit.doc, hit.score));
                        }
                    }
                }
                List<Link> links = new ArrayList<>();
                for (int o = 0; o < outputs.size(); o++)
                    for (Hit h : best.getOrDefault(o, List.of()))
                        links.add(new Link(outputs.get(o), h.item().item(), h.score(), evidence(searcher, h)));
                return links;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items searched in parallel between two merges. */
    private static final int BLOCK = 512;

    /** The item's words that the hit's output contains, in the order of the item's name and description. */
    private static List<String> evidence(IndexSearcher searcher, Hit h) throws IOException {
        Weight w = searcher.createWeight(searcher.rewrite(h.item().query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(h.doc(), leaves));
        Matches m = w.matches(leaf, h.doc() - leaf.docBase);
        Set<String> terms = new HashSet<>();
        MatchesIterator it = m == null ? null : m.getMatches("text");
        while (it != null && it.next())
            if (it.getQuery() instanceof TermQuery tq) terms.add(tq.getTerm().text());
            else if (it.getQuery() instanceof PhraseQuery pq) for (Term t : pq.getTerms()) terms.add(t.text());
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, String> e : h.item().surface().entrySet())
            if (terms.contains(e.getKey())) words.add(e.getValue());
        return words;
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
    static ItemQuery itemQuery(Analyzer analyzer, Analyzer forms, Node item, String name, String description) {
        Map<String, String> nameTerms = terms(analyzer, name, 20);
        nameTerms.keySet().removeIf(t -> GENERIC.contains(t) || t.length() < 2);
        if (nameTerms.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (HEAD_FORM) {
            // The name's last informative word (the head of an English compound: "chip DESIGN", "RESIST processing
            // tools") must stand in the output in the same form, plurals aside: full stemming alone makes "designed"
            // a design, "resistant" a resist and "to monitor" a monitoring tool.
            String head = new ArrayList<>(nameTerms.values()).get(nameTerms.size() - 1);
            for (String f : Lucene.tokens(forms, head)) b.add(new TermQuery(new Term("form", f)), BooleanClause.Occur.MUST);
        }
        if (nameTerms.size() == 1) {
            b.add(new TermQuery(new Term("text", nameTerms.keySet().iterator().next())), BooleanClause.Occur.MUST);
        } else {
            // A name of several words is one compound term ("ion implantation", "chip design"): its words must stand
            // near each other, not anywhere in a long abstract.
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(NAME_SLOP);
            for (String t : nameTerms.keySet()) phrase.add(new Term("text", t));
            b.add(phrase.build(), BooleanClause.Occur.MUST);
        }
        Map<String, String> descTerms = terms(analyzer, description, DESCRIPTION_TERMS);
        descTerms.keySet().removeIf(t -> GENERIC.contains(t) || nameTerms.containsKey(t) || t.length() < 3);
        boolean oneWord = nameTerms.size() == 1;
        if (!descTerms.isEmpty()) {
            BooleanQuery.Builder d = new BooleanQuery.Builder();
            for (String t : descTerms.keySet())
                d.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            if (oneWord) d.setMinimumNumberShouldMatch(MIN_DESCRIPTION_MATCH);
            b.add(new BoostQuery(d.build(), DESCRIPTION_BOOST), oneWord ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        } else if (oneWord) {
            return null;
        }
        Map<String, String> surface = new LinkedHashMap<>(nameTerms);
        descTerms.forEach(surface::putIfAbsent);
        return new ItemQuery(item, b.build(), surface);
    }

    /** Words lower-cased, plurals folded ("implanters" → "implanter"), nothing else: the form a word has in a text. */
    private static Analyzer wordForms() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase")
                .addTokenFilter("englishPossessive").addTokenFilter("englishMinimalStem").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code max} distinct analysed terms of a text, each with the (lower-cased) word it comes from. */
    private static Map<String, String> terms(Analyzer analyzer, String text, int max) {
        Map<String, String> out = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max)
                out.putIfAbsent(term.toString(), text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
