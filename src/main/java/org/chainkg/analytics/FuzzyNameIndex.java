package org.chainkg.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of normalised organisation names: fuzzy term queries find candidates, and a pair is
 * accepted when both countries are known and equal and the names' Jaro-Winkler similarity (Apache Commons Text)
 * is at least {@link #THRESHOLD}.
 */
final class FuzzyNameIndex implements AutoCloseable {
    /** Lowest Jaro-Winkler similarity of normalised names for a fuzzy match. */
    static final double THRESHOLD = 0.94;
    private static final int CANDIDATES = 10;

    record Match(OrganisationResolver.Org other, BigDecimal similarity) {}

    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final List<OrganisationResolver.Org> docs = new ArrayList<>();
    private final List<String> docNames = new ArrayList<>();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final JaroWinklerSimilarity jw = new JaroWinklerSimilarity();

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
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                for (String token : norm.split(" ")) {
                    Term t = new Term("name", token);
                    q.add(token.length() < 5 ? new TermQuery(t) : new FuzzyQuery(t, token.length() < 8 ? 1 : 2), BooleanClause.Occur.SHOULD);
                }
                for (ScoreDoc hit : searcher.search(q.build(), CANDIDATES).scoreDocs) {
                    int n = searcher.storedFields().document(hit.doc).getField("n").numericValue().intValue();
                    OrganisationResolver.Org other = docs.get(n);
                    if (other == o || !o.country().equals(other.country())) continue;
                    double sim = jw.apply(norm, docNames.get(n));
                    if (sim >= THRESHOLD && sim < 1.0)
                        out.add(new Match(other, BigDecimal.valueOf(sim).setScale(3, RoundingMode.HALF_UP)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
