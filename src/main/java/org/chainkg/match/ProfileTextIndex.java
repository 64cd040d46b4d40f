package org.chainkg.match;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import org.chainkg.store.Lucene;

/**
 * An in-memory Lucene index (English analyzer with chainkg's stop words, BM25) with one document per organisation: the text of its outputs,
 * its projects' topics and the chain items it supplies. A query is the most distinctive terms of a text (Lucene
 * MoreLikeThis); scores are divided by the best score of the query, so the text feature lies between 0 and 1.
 */
final class ProfileTextIndex implements AutoCloseable {
    static final String FIELD = "text";
    private static final String KIND = "kind";
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\b\\d[\\d.,]*\\b");

    /** Lucene's English stop words and chainkg's domain-general words ({@link GenericWords}): never a match term. */
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer(GenericWords.stopSet());
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final List<Profile> docs = new ArrayList<>();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] profileOf;
    /** Document frequencies of terms (the index does not change after it is built). */
    private final Map<String, Integer> docFreqs = new java.util.concurrent.ConcurrentHashMap<>();
    private final int queryTerms;
    private final Map<Profile, Set<String>> terms = new java.util.concurrent.ConcurrentHashMap<>();
    /** Stemmed term -> the first word seen that stems to it, to show people words rather than stems. */
    private final Map<String, String> surface = new java.util.concurrent.ConcurrentHashMap<>();

    ProfileTextIndex(Collection<Profile> profiles, int queryTerms) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Profile p : profiles) {
                String text = p.document();
                if (text.isBlank()) continue;
                Document d = new Document();
                d.add(new TextField(FIELD, text, Field.Store.NO));
                if (p.isFirm()) d.add(new StringField(KIND, "firm", Field.Store.NO));
                if (p.isResearch()) d.add(new StringField(KIND, "research", Field.Store.NO));
                d.add(new StoredField("n", docs.size()));
                docs.add(p);
                w.addDocument(d);
            }
            w.commit();
            reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            profileOf = Lucene.storedInts(reader, "n");
            this.queryTerms = queryTerms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * BM25 scores of the organisations of one kind ("firm" or "research"; null: every organisation) for a query of the text's most distinctive
     * terms, each divided by the best; organisations without a score are left out.
     */
    Map<Profile, Double> scores(String text, String kind) {
        Map<Profile, Double> out = new HashMap<>();
        if (text == null || text.isBlank() || docs.isEmpty()) return out;
        try {
            // MoreLikeThis keeps state per query: one per call keeps the index usable from several threads.
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {FIELD});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(queryTerms);
            // Numbers ("$150 million", "100,000 parts", "300 mm") are not terms of a technology.
            Query like = mlt.like(FIELD, new StringReader(NUMBER.matcher(text).replaceAll(" ")));
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST);
            if (kind != null) b.add(new TermQuery(new Term(KIND, kind)), BooleanClause.Occur.FILTER);
            Query q = b.build();
            ScoreDoc[] hits = Lucene.allHits(searcher, q);
            if (hits.length == 0 || hits[0].score <= 0) return out;
            double best = hits[0].score;
            for (ScoreDoc h : hits) out.put(docs.get(profileOf[h.doc]), h.score / best);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words two texts share, rarest in the index first (as words, not stems). */
    List<String> sharedTerms(Set<String> a, Set<String> b, int top) {
        List<String> shared = new ArrayList<>();
        for (String t : a) if (b.contains(t)) shared.add(t);
        shared.sort(Comparator.comparingInt(this::docFreq).thenComparing(t -> t));
        return shared.stream().limit(top).map(t -> surface.getOrDefault(t, t)).toList();
    }

    Set<String> terms(Profile p) {
        return terms.computeIfAbsent(p, x -> terms(x.document()));
    }

    Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3 || word.chars().allMatch(Character::isDigit)) continue;
            for (String stem : Lucene.tokens(analyzer, word)) {
                out.add(stem);
                surface.putIfAbsent(stem, word);
            }
        }
        return out;
    }

    private int docFreq(String term) {
        return docFreqs.computeIfAbsent(term, t -> {
            try {
                return reader.docFreq(new Term(FIELD, t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
