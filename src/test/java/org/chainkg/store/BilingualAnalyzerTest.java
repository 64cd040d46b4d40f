package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

class BilingualAnalyzerTest {
    private final BilingualAnalyzer analyzer = new BilingualAnalyzer();

    @Test
    void englishTextIsStemmedWithoutStopWords() {
        assertEquals(List.of("photoresist", "extrem", "ultraviolet", "lithographi"),
                     Lucene.tokens(analyzer, "Photoresists for the extreme ultraviolet lithography"));
    }

    @Test
    void englishStemsAgreeWithSmartChinese() {
        // Stores and queries stem English words alike under both analyzers: only stop words differ.
        List<String> smart = Lucene.tokens(new SmartChineseAnalyzer(), "EUV scanners and photoresists");
        List<String> ours = Lucene.tokens(analyzer, "EUV scanners and photoresists");
        assertEquals(List.of("euv", "scanner", "photoresist"), ours);
        assertTrue(smart.containsAll(ours), smart + " should contain " + ours);
    }

    @Test
    void chineseTextIsSegmented() {
        List<String> tokens = Lucene.tokens(analyzer, "极紫外光刻胶");
        assertEquals(Lucene.tokens(new SmartChineseAnalyzer(), "极紫外光刻胶"), tokens);
        assertTrue(tokens.size() > 1, tokens.toString());
    }

    @Test
    void mixedTextGoesToSmartChineseAndTheAnalyzerIsReusable() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Lucene.tokens(new SmartChineseAnalyzer(), "EUV 光刻机"),
                         Lucene.tokens(analyzer, "EUV 光刻机"));
            assertEquals(List.of("wafer"), Lucene.tokens(analyzer, "Wafers"));
        }
        assertTrue(BilingualAnalyzer.hasHan("EUV 光刻机"));
        assertTrue(!BilingualAnalyzer.hasHan("Łódź University of Technology"));
    }
}
