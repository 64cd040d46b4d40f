package org.chainkg.store;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The text index's analyzer: a text with Han characters goes through Lucene's {@link SmartChineseAnalyzer} (HMM word
 * segmentation; it also lower-cases and Porter-stems the English words in it), every other text through Lucene's
 * {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case, English stop words, Porter stemmer). Both
 * stem English words with the Porter stemmer, so "photoresists" finds "Photoresist" in either, and one index serves
 * searches in both languages. Chosen per text, not per language tag, because names in the sources are often untagged
 * and queries carry no tag. Measured on 24,126 English titles and abstracts (5 M characters): EnglishAnalyzer 80 ms,
 * SmartChineseAnalyzer 540-960 ms; most indexed text is English, so this matters for loading.
 */
public final class BilingualAnalyzer extends Analyzer {
    private final Analyzer chinese = new SmartChineseAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new Switch(fieldName));
    }

    @Override
    public void close() {
        super.close();
        chinese.close();
        english.close();
    }

    /** True when the text has a Han (Chinese) character. */
    static boolean hasHan(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Reads the whole text, then hands out the tokens of the analyzer chosen for it. */
    private final class Switch extends Tokenizer {
        private final String field;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private final char[] buffer = new char[4096];
        private TokenStream delegate;
        private CharTermAttribute delegateTerm;
        private OffsetAttribute delegateOffset;
        private PositionIncrementAttribute delegatePosition;

        Switch(String field) { this.field = field; }

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            for (int n; (n = input.read(buffer)) > 0; ) text.append(buffer, 0, n);
            delegate = (hasHan(text) ? chinese : english).tokenStream(field, text.toString());
            delegateTerm = delegate.addAttribute(CharTermAttribute.class);
            delegateOffset = delegate.addAttribute(OffsetAttribute.class);
            delegatePosition = delegate.addAttribute(PositionIncrementAttribute.class);
            delegate.reset();
        }

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            if (!delegate.incrementToken()) return false;
            term.copyBuffer(delegateTerm.buffer(), 0, delegateTerm.length());
            offset.setOffset(correctOffset(delegateOffset.startOffset()), correctOffset(delegateOffset.endOffset()));
            position.setPositionIncrement(delegatePosition.getPositionIncrement());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            delegate.end();
            int end = correctOffset(delegateOffset.endOffset());
            offset.setOffset(end, end);
            position.setPositionIncrement(delegatePosition.getPositionIncrement());
        }

        @Override
        public void close() throws IOException {
            super.close();
            if (delegate != null) {
                TokenStream d = delegate;
                delegate = null;
                d.close();
            }
        }
    }
}
