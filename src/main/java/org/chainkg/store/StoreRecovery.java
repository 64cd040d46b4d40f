package org.chainkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.Term;
import org.chainkg.rdf.CK;

/**
 * Repairs what a killed command left, when a store opens. TDB2 itself is all-or-nothing per write transaction (every
 * chainkg write, the bulk path included, is one), and cleans up half-done compactions; what can disagree after a kill
 * are the steps between transactions: the TDB2 data, its Lucene text index (committed after TDB2), and the completion
 * marker of a graph (its PROV record with {@code ck:tripleCount}, written last). From the {@link StoreJournal}:
 * <ul>
 * <li>a source graph that was being loaded and has no completion marker is removed (it was empty before: only a first
 * load writes a graph in more than one transaction), with its text documents; one with a marker is kept and its
 * text documents are rebuilt from TDB2, so that text search and data agree;</li>
 * <li>when the derived graphs were being recomputed, they are all removed (data and text) and
 * {@link #derivedInterrupted()} says they must be recomputed (the command line does that before answering);</li>
 * <li>when a server that accepted updates was killed ({@link StoreJournal#TEXT_INDEX}), the whole text index is
 * rebuilt from TDB2;</li>
 * <li>always (once the store's lock is held): spool files of bulk loads ({@code DIR/tmp}) and TDB2 generations older than the one in use (a
 * compaction killed before it deleted the old one) are deleted.</li>
 * </ul>
 */
public final class StoreRecovery {
    /** Graph IRIs of derived graphs start with this. */
    public static final String DERIVED_PREFIX = org.chainkg.rdf.Iris.GRAPH + "derived/";
    private static final Pattern GENERATION = Pattern.compile("Data-\\d{4}");

    private final List<String> actions = new ArrayList<>();
    private boolean derivedInterrupted;
    private String interruptedCommand;

    /** What the repair did, one sentence each (empty when the previous command ended normally). */
    public List<String> actions() { return actions; }

    /** True when a killed command was recomputing the derived graphs: they are now empty and must be recomputed. */
    public boolean derivedInterrupted() { return derivedInterrupted; }

    /** The command the left-over journal names, or null when there was none. */
    public String interruptedCommand() { return interruptedCommand; }

    /**
     * Once this process holds the store (TDB2's lock, so no other process is using these files): removes left-over
     * spool files and generations older than the newest (TDB2 maps only the newest).
     */
    void cleanFiles(Path dir) {
        Path tmp = dir.resolve("tmp");
        if (Files.isDirectory(tmp)) {
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                    actions.add("deleted the left-over spool file " + f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + tmp + ": " + e.getMessage(), e);
            }
        }
        Path tdb2 = dir.resolve(ChainStore.TDB2_FOLDER);
        if (Files.isDirectory(tdb2)) {
            List<Path> generations;
            try (var entries = Files.list(tdb2)) {
                generations = entries.filter(p -> Files.isDirectory(p) && GENERATION.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path old : generations.subList(0, Math.max(0, generations.size() - 1))) {
                deleteTree(old);
                actions.add("deleted " + old + ", a TDB2 generation older than the one in use (a compaction was killed before it removed it)");
            }
        }
    }

    /** After the store opened: repairs what the left-over journal names. */
    void afterOpen(DatasetGraph tdb, TextIndexLucene index, StoreJournal journal) {
        var left = journal.leftOver();
        if (left.isEmpty()) return;
        interruptedCommand = left.get().command();
        boolean textChanged = false;
        for (String part : left.get().inProgress()) {
            if (StoreJournal.DERIVED.equals(part)) {
                derivedInterrupted = true;
                continue;
            }
            if (StoreJournal.TEXT_INDEX.equals(part)) {
                long docs = reindexAll(tdb, index);
                actions.add("rebuilt the whole text index from the store (" + docs + " documents): a server that accepted updates was killed");
                textChanged = true;
                continue;
            }
            Node g = NodeFactory.createURI(part);
            boolean complete = Txn.calculateRead(tdb, () -> tdb.contains(g, g, CK.tripleCount, Node.ANY));
            boolean present = Txn.calculateRead(tdb, () -> tdb.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext());
            if (present && !complete) {
                purge(tdb, index, g);
                actions.add("removed the graph <" + part + ">: its first load was killed before it completed");
            } else {
                reindex(tdb, index, g);
                actions.add("rebuilt the text index of <" + part + "> from the store (its load was killed)");
            }
            textChanged = true;
        }
        if (derivedInterrupted) {
            List<Node> derived = Txn.calculateRead(tdb, () -> {
                List<Node> out = new ArrayList<>();
                tdb.listGraphNodes().forEachRemaining(n -> { if (n.isURI() && n.getURI().startsWith(DERIVED_PREFIX)) out.add(n); });
                return out;
            });
            for (Node g : derived) purge(tdb, index, g);
            actions.add("removed the derived graphs (" + derived.size() + "): their recomputation was killed");
            textChanged = true;
        }
        if (textChanged) {
            index.prepareCommit();
            index.commit();
        }
        journal.discardLeftOver();
        if (derivedInterrupted) journal.begin(StoreJournal.DERIVED);
    }

    /** Deletes a graph from TDB2 (one transaction) and every text document of it. */
    static void purge(DatasetGraph tdb, TextIndexLucene index, Node g) {
        Txn.executeWrite(tdb, () -> tdb.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
        deleteDocuments(index, g);
    }

    /** Replaces the text documents of a graph by documents for the literals TDB2 holds in it (not committed). */
    static void reindex(DatasetGraph tdb, TextIndexLucene index, Node g) {
        deleteDocuments(index, g);
        Txn.executeRead(tdb, () -> tdb.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getObject().isLiteral()) return;
            Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
            if (e != null) index.addEntity(e);
        }));
    }

    /** Replaces every text document by documents for the literals TDB2 holds (not committed); returns their number. */
    static long reindexAll(DatasetGraph tdb, TextIndexLucene index) {
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the text index: " + e.getMessage(), e);
        }
        long[] n = {0};
        Txn.executeRead(tdb, () -> tdb.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getObject().isLiteral()) return;
            Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
            if (e != null) { index.addEntity(e); n[0]++; }
        }));
        return n[0];
    }

    private static void deleteDocuments(TextIndexLucene index, Node g) {
        try {
            index.getIndexWriter().deleteDocuments(new Term(index.getDocDef().getGraphField(), g.getURI()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the text documents of <" + g.getURI() + ">: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

}
