package org.chainkg.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of normalised organisation names: fuzzy term queries find candidates, and a pair is
 * accepted when both countries are known and equal and the names agree word by word ({@link #agree}): the shorter
 * name has at least two words, the longer at most one more, short and at the end (an acronym), and every word of the shorter equals a word of
 * the longer or, for words of 7+ letters, differs by one edit (two for 10+ letters; Levenshtein distance, Apache
 * Commons Text). This catches spelling variants ("UNIVERSITAET"/"UNIVERSITAT", a trailing acronym) and refuses
 * sibling names ("Universidad de Alicante"/"Universidad de Almeria", "Lam Research"/"ACM Research").
 * The match confidence is 0.8 × the normalised Levenshtein similarity of the whole names.
 */
final class FuzzyNameIndex implements AutoCloseable {
    private static final int CANDIDATES = 10;

    record Match(OrganisationResolver.Org other, BigDecimal similarity) {}

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final List<OrganisationResolver.Org> docs = new ArrayList<>();
    private final List<String> docNames = new ArrayList<>();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final java.util.Map<String, Query> fuzzy = new java.util.concurrent.ConcurrentHashMap<>();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    FuzzyNameIndex(Collection<OrganisationResolver.Org> orgs) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (OrganisationResolver.Org o : orgs) {
                if (o.country() == null) continue;
                for (String name : o.allNames()) {
                    String norm = NameNormaliser.normalise(name);
                    if (norm.length() < 5) continue;
                    Document d = new Document();
                    d.add(new TextField("name", norm, Field.Store.NO));
                    d.add(new StoredField("n", docs.size()));
                    w.addDocument(d);
                    docs.add(o);
                    docNames.add(norm);
                }
            }
            w.commit();
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Match> candidates(OrganisationResolver.Org o) {
        List<Match> out = new ArrayList<>();
        if (o.country() == null) return out;
        try {
            for (String name : o.allNames()) {
                String norm = NameNormaliser.normalise(name);
                if (norm.length() < 5) continue;
                String[] tokens = norm.split(" ");
                // agree() needs two words on each side.
                if (tokens.length < 2) continue;
                // agree() needs every word of the shorter name at its place in the longer, so every word of this
                // name must occur (within the edits below, a superset of what agree() allows), except a last,
                // acronym-sized word, which the other name may lack. Requiring them keeps the candidate search
                // blocked: a common word ("university") alone no longer matches half the index.
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                for (int i = 0; i < tokens.length; i++) {
                    String token = tokens[i];
                    Term t = new Term("name", token);
                    boolean optional = i == tokens.length - 1 && token.length() <= 4;
                    q.add(token.length() < 5 ? new TermQuery(t) : fuzzy(token),
                          optional ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
                }
                for (ScoreDoc hit : searcher.search(q.build(), CANDIDATES).scoreDocs) {
                    int n = searcher.storedFields().document(hit.doc).getField("n").numericValue().intValue();
                    OrganisationResolver.Org other = docs.get(n);
                    if (other == o || !o.country().equals(other.country())) continue;
                    String theirs = docNames.get(n);
                    if (norm.equals(theirs) || !agree(norm, theirs)) continue;
                    double sim = 1.0 - (double) LEVENSHTEIN.apply(norm, theirs) / Math.max(norm.length(), theirs.length());
                    out.add(new Match(other, BigDecimal.valueOf(sim).setScale(3, RoundingMode.HALF_UP)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fuzzy query of a word, rewritten against this index once: building its Levenshtein automaton and finding
     * the similar terms is most of a search's cost, and the same words ("university", "institute") recur in
     * thousands of names. The rewritten query scores exactly as the fuzzy query would.
     */
    private Query fuzzy(String token) {
        return fuzzy.computeIfAbsent(token, t -> {
            try {
                return searcher.rewrite(new FuzzyQuery(new Term("name", t), t.length() < 8 ? 1 : 2));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The word-by-word agreement rule described above. */
    static boolean agree(String a, String b) {
        String[] x = a.split(" "), y = b.split(" ");
        String[] shorter = x.length <= y.length ? x : y, longer = x.length <= y.length ? y : x;
        if (shorter.length < 2 || longer.length - shorter.length > 1) return false;
        // One extra word is allowed only at the end and only when acronym-sized ("... montreal uqam").
        if (longer.length > shorter.length && longer[longer.length - 1].length() > 4) return false;
        boolean[] used = new boolean[longer.length];
        for (int k = 0; k < shorter.length; k++) {
            String w = shorter[k];
            boolean found = false;
            // Words must agree in order: the k-th word of the shorter name with the k-th of the longer.
            for (int i = k; i <= k && i < longer.length && !found; i++) {
                if (used[i]) continue;
                String v = longer[i];
                int len = Math.min(w.length(), v.length());
                int allowed = len >= 10 ? 2 : len >= 7 ? 1 : 0;
                if (w.equals(v) || allowed > 0 && LEVENSHTEIN.apply(w, v) <= allowed) {
                    used[i] = true;
                    found = true;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
