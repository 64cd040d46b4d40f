package org.chainkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Keeps the text index's scores a function of the live data. Lucene's BM25 statistics (documents per field, average
 * field length) count deleted documents until a merge drops them, and merges run on background threads at times of
 * their own; every load deletes and rewrites the derived graphs' text (their PROV titles and descriptions), so without
 * this the same data scored differently from store to store ({@code text:query} and the {@code search} query's
 * {@code score}). {@link #expungeDeletes} merges away every deleted document and commits, inside a write transaction
 * of the dataset so no other writer's uncommitted documents are committed with it.
 */
public final class TextIndexMaintenance {
    private TextIndexMaintenance() {}

    /** Drops the text index's deleted documents; returns how many there were (0 when the dataset has no Lucene index). */
    public static int expungeDeletes(DatasetGraph dsg) {
        if (!(dsg.getContext().get(TextQuery.textIndex) instanceof TextIndexLucene lucene)) return 0;
        return Txn.calculateWrite(dsg, () -> {
            IndexWriter w = lucene.getIndexWriter();
            try {
                w.flush();
                int deleted = w.getDocStats().maxDoc - w.getDocStats().numDocs;
                if (deleted == 0) return 0;
                MergePolicy mp = w.getConfig().getMergePolicy();
                if (mp instanceof TieredMergePolicy tiered) tiered.setForceMergeDeletesPctAllowed(0.0);
                w.forceMergeDeletes(true);
                return deleted;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot merge the text index: " + e.getMessage(), e);
            }
        });
    }
}
