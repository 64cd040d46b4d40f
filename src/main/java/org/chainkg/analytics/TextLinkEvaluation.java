package org.chainkg.analytics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;
import org.chainkg.source.csv.CsvRecord;
import org.chainkg.source.csv.CsvRecords;
import org.chainkg.source.eto.EtoChainReader;
import org.chainkg.store.SourceLoader;

/**
 * Precision and recall of the {@link TextLinker} on a labelled set of (research output, chain item) pairs: the
 * outputs of {@code outputs.csv} (id, source, title, abstract, split) are linked to the items of an ETO-format chain
 * in an in-memory store, and each link written is checked against {@code labels.csv} (output_id, item_id, label 1 or
 * 0). A labelled relevant pair that is not linked is a miss; a link on a pair without a label is counted apart
 * ({@link Counts#unlabelled()}), so that the labels can be completed.
 * <pre>
 * TextLinkEvaluation e = TextLinkEvaluation.run(Path.of("data/evaluation/text-links"), Path.of("data/eto-chip-explorer"));
 * e.at(TextLinker.MIN_SCORE, "all").precision();
 * </pre>
 */
public final class TextLinkEvaluation {
    /** The thresholds of the precision/recall table (BM25 score). */
    public static final List<Double> THRESHOLDS = List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0);
    public static final List<String> SPLITS = List.of("all", "tune", "test");
    public static final String HEADER = "split,threshold,pairs,positives,links,tp,fp,fn,unlabelled,precision,recall,f1";

    /** A labelled output: its text and the half of the set it belongs to (tune or test). */
    public record Output(String id, String source, String title, String abstractText, String split) {}

    /** A link the linker wrote, with its label: 1, 0, or -1 when the pair is not labelled. */
    public record ScoredLink(String outputId, String itemId, double score, List<String> words, int label) {}

    public record Counts(String split, double threshold, int pairs, int positives, int links, int tp, int fp, int fn, int unlabelled) {
        public double precision() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        public double recall() { return positives == 0 ? 1 : (double) tp / positives; }
        public double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        public String csv() {
            return String.format(Locale.ROOT, "%s,%.1f,%d,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f", split, threshold, pairs, positives,
                                 links, tp, fp, fn, unlabelled, precision(), recall(), f1());
        }
    }

    private final Map<String, Output> outputs;
    private final Map<List<String>, Integer> labels;
    private final List<ScoredLink> links;

    private TextLinkEvaluation(Map<String, Output> outputs, Map<List<String>, Integer> labels, List<ScoredLink> links) {
        this.outputs = outputs;
        this.labels = labels;
        this.links = links;
    }

    /** Reads the labelled set in {@code folder}, links its outputs to the chain in {@code etoFolder} (at score 0). */
    public static TextLinkEvaluation run(Path folder, Path etoFolder) {
        Map<String, Output> outputs = readOutputs(folder.resolve("outputs.csv"));
        Map<List<String>, Integer> labels = readLabels(folder.resolve("labels.csv"), outputs);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        new SourceLoader(dsg).load(new EtoChainReader(), List.of(etoFolder), null);
        Map<Node, String> ids = new HashMap<>();
        // The linker reads the default graph (the store's is the union of its graphs): the chain is copied there.
        Txn.executeWrite(dsg, () -> {
            List<org.apache.jena.graph.Triple> chain = new ArrayList<>();
            dsg.find().forEachRemaining(q -> chain.add(q.asTriple()));
            chain.forEach(t -> dsg.getDefaultGraph().add(t));
            TripleWriter w = new TripleWriter(StreamRDFLib.graph(dsg.getDefaultGraph()));
            for (Output o : outputs.values()) {
                Node n = Iris.instance("evaluation-output", Iris.slug(o.id()));
                ids.put(n, o.id());
                w.type(n, CK.ResearchOutput);
                w.text(n, DCTerms.identifier.asNode(), o.id());
                w.text(n, DCTerms.title.asNode(), o.title(), "en");
                w.text(n, DCTerms.abstract_.asNode(), o.abstractText(), "en");
            }
        });
        Map<Node, String> itemIds = new HashMap<>();
        List<TextLinker.Link> found = Txn.calculateRead(dsg, () -> {
            StoreReader.of(dsg).select("PREFIX ck: <https://w3id.org/chainkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                                   + "SELECT ?i ?id { ?i a ck:ChainItem ; dcterms:identifier ?id }",
                              b -> itemIds.put(b.get("i"), b.get("id").getLiteralLexicalForm()));
            return TextLinker.links(dsg, 0);
        });
        List<ScoredLink> links = new ArrayList<>();
        for (TextLinker.Link l : found) {
            String o = ids.get(l.output()), i = itemIds.get(l.item());
            links.add(new ScoredLink(o, i, l.score(), l.words(), labels.getOrDefault(List.of(o, i), -1)));
        }
        return new TextLinkEvaluation(outputs, labels, links);
    }

    /** Every link at score 0 (the linker's top-k per output), with its label. */
    public List<ScoredLink> links() { return links; }

    /** The counts of links with a score of at least {@code threshold} on one split ("all", "tune" or "test"). */
    public Counts at(double threshold, String split) {
        int pairs = 0, positives = 0, nLinks = 0, tp = 0, fp = 0, unlabelled = 0;
        for (Map.Entry<List<String>, Integer> e : labels.entrySet())
            if (in(split, e.getKey().get(0))) { pairs++; if (e.getValue() == 1) positives++; }
        for (ScoredLink l : links) {
            if (l.score() < threshold || !in(split, l.outputId())) continue;
            nLinks++;
            if (l.label() == 1) tp++; else if (l.label() == 0) fp++; else unlabelled++;
        }
        return new Counts(split, threshold, pairs, positives, nLinks, tp, fp, positives - tp, unlabelled);
    }

    /** The table: every split at the default threshold and at each of {@link #THRESHOLDS}. */
    public List<Counts> table(double threshold) {
        List<Counts> out = new ArrayList<>();
        for (String s : SPLITS) out.add(at(threshold, s));
        for (double t : THRESHOLDS) for (String s : SPLITS) out.add(at(t, s));
        return out;
    }

    private boolean in(String split, String outputId) {
        return split.equals("all") || outputs.get(outputId).split().equals(split);
    }

    private static Map<String, Output> readOutputs(Path file) {
        Map<String, Output> out = new LinkedHashMap<>();
        try (CsvRecords rows = CsvRecords.open(file, List.of("output_id", "source", "title", "abstract", "split"))) {
            for (CsvRecord r : rows) {
                String id = r.require("output_id"), split = r.require("split");
                if (!split.equals("tune") && !split.equals("test")) throw r.error("split", "\"" + split + "\" is not tune or test");
                if (out.put(id, new Output(id, r.require("source"), r.require("title"), r.get("abstract"), split)) != null)
                    throw r.error("output_id", "\"" + id + "\" is listed twice");
            }
        }
        return out;
    }

    private static Map<List<String>, Integer> readLabels(Path file, Map<String, Output> outputs) {
        Map<List<String>, Integer> out = new LinkedHashMap<>();
        try (CsvRecords rows = CsvRecords.open(file, List.of("output_id", "item_id", "label"))) {
            for (CsvRecord r : rows) {
                String o = r.require("output_id"), label = r.require("label");
                if (!outputs.containsKey(o)) throw r.error("output_id", "\"" + o + "\" is not in outputs.csv");
                if (!label.equals("0") && !label.equals("1")) throw r.error("label", "\"" + label + "\" is not 1 (relevant) or 0 (not)");
                if (out.put(List.of(o, r.require("item_id")), Integer.parseInt(label)) != null)
                    throw r.error("item_id", "the pair " + o + " / " + r.get("item_id") + " is labelled twice");
            }
        }
        return out;
    }
}
