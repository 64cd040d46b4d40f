package org.chainkg.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.junit.jupiter.api.Test;

/**
 * The bm25-text links: on the bundled real data the four wrong links of issue 15 are no longer written and every link
 * carries its evidence words ({@link #assertBundledLinksRight}, run by ServeBundledTest); on the labelled pairs of data/evaluation/text-links precision reaches 0.9.
 */
public class TextLinkerTest {
    static final Path LABELS = Path.of("data/evaluation/text-links");

    /**
     * On a store holding the bundled real data, derived: the four wrong links of issue 15 are not written and every link
     * carries its evidence words. Called by {@code ServeBundledTest}, which loads that store anyway.
     */
    public static void assertBundledLinksRight(org.apache.jena.sparql.core.DatasetGraph dsg) {
        List<String> links = new ArrayList<>();
        Txn.executeRead(dsg, () -> StoreReader.of(dsg).select("""
            PREFIX ck: <https://w3id.org/chainkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?o_id ?i_id ?words WHERE {
              ?l a ck:TextLink ; ck:linkedOutput/dcterms:identifier ?o_id ; ck:linkedItem/dcterms:identifier ?i_id
              OPTIONAL { ?l ck:evidenceTerms ?words } }""",
            b -> links.add(b.get("o_id").getLiteralLexicalForm() + " -> " + b.get("i_id").getLiteralLexicalForm() + " ["
                           + (b.get("words") == null ? "" : b.get("words").getLiteralLexicalForm()) + "]")));
        for (String l : links) assertTrue(!l.endsWith("[]"), "a link without evidence words: " + l);
        for (String wrong : List.of("US2012116137A1", "US8926509B2", "US8421271B2"))
            assertTrue(links.stream().noneMatch(l -> l.startsWith(wrong + " ")), wrong + " is linked again: " + links);
    }

    @Test
    void precisionOnTheLabelledPairsIsAtLeastNinetyPercent() {
        TextLinkEvaluation e = TextLinkEvaluation.run(LABELS, TestData.ETO_REAL);
        TextLinkEvaluation.Counts all = e.at(TextLinker.MIN_SCORE, "all");
        assertTrue(all.pairs() >= 100, "labelled pairs: " + all.pairs());
        assertEquals(0, all.unlabelled(), "links on pairs without a label (label them): " + e.links());
        assertTrue(all.precision() >= 0.9, "precision " + all.csv());
        assertTrue(all.recall() > 0.1, "recall " + all.csv());
        // The four wrong links of issue 15 are labelled 0 and not written.
        assertTrue(e.links().stream().noneMatch(l -> l.label() == 0 && List.of("US2012116137A1", "US8926509B2", "US8421271B2").contains(l.outputId())));
    }
}
