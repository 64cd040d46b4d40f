package org.chainkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The few Lucene steps chainkg's in-memory indexes share (the text linker, the identity resolver's name index, the
 * matcher's profile index) and the text index's analyzer tests use.
 */
public final class Lucene {
    /** The terms an analyzer makes of a text, in order (repeats kept). */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every document matching the query, best first (ties: lower document first). Asks for exactly as many hits as
     * match: a top-N collector sized to the whole index allocates N entries per query.
     */
    public static ScoreDoc[] allHits(IndexSearcher searcher, Query query) {
        try {
            int count = searcher.count(query);
            return count == 0 ? new ScoreDoc[0] : searcher.search(query, count).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per document number, the value of a stored int field, read once (merges may reorder documents). */
    public static int[] storedInts(IndexReader reader, String field) {
        try {
            int[] values = new int[reader.maxDoc()];
            StoredFields fields = reader.storedFields();
            for (int doc = 0; doc < values.length; doc++)
                values[doc] = fields.document(doc).getField(field).numericValue().intValue();
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Lucene() {}
}
