package org.chainkg.source.patentsview;

import static org.chainkg.source.uspto.ReaderTesting.assertRefused;
import static org.chainkg.source.uspto.ReaderTesting.copy;
import static org.chainkg.source.uspto.ReaderTesting.replace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.store.ChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad PatentsView tables are refused with one message naming file, line and column, and the store (triples and
 * text index) stays exactly as it was. The bad copies have the fixture's dataset name (folder "patentsview").
 */
class PatentsViewBadInputTest {
    @TempDir static Path shared;
    static ChainStore store;
    Path bad;

    @BeforeAll
    static void loadFixture() {
        store = ChainStore.open(shared.resolve("db"));
        ReaderTesting.load(store, new PatentsViewReader(), PatentsViewReaderTest.FIXTURE);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void copyFixture(TestInfo test) {
        bad = copy(PatentsViewReaderTest.FIXTURE, shared.resolve(test.getTestMethod().orElseThrow().getName()).resolve("patentsview"));
    }

    private void refused(String message) {
        assertRefused(store, new PatentsViewReader(), message, bad);
    }

    @Test
    void patentTableWithoutPatentId() {
        replace(bad.resolve("g_patent.tsv"), "\"patent_id\"\t", "\"id\"\t");
        refused("g_patent.tsv [line 1, field patent_id]: required column is missing from the header (header has: id, patent_type, "
                + "patent_date, patent_title, wipo_kind, num_claims, withdrawn, filename; is the file tab-separated?)");
    }

    @Test
    void commaSeparatedInsteadOfTabs() throws IOException {
        Path f = bad.resolve("g_cpc_current.tsv");
        Files.writeString(f, Files.readString(f).replace('\t', ','));
        refused("g_cpc_current.tsv [line 1]: malformed TSV: ',' follows a quoted field where a tab or the end of the line should be "
                + "(is the file tab-separated, and are quotes inside quoted fields doubled?)");
    }

    @Test
    void rowWithAMissingField() {
        replace(bad.resolve("g_patent.tsv"), "\"B2\"\t\"23\"\t\"0\"\t\"ipg130416.xml\"", "\"B2\"\t\"23\"\t\"0\"");
        refused("g_patent.tsv [line 3, field filename]: the row has 7 fields but the header has 8 (a tab is missing or extra, "
                + "or a quote is not closed)");
    }

    @Test
    void patentDateThatIsNotADate() {
        replace(bad.resolve("g_patent.tsv"), "\"8926509\"\t\"utility\"\t\"2015-01-06\"", "\"8926509\"\t\"utility\"\t\"2015-01-32\"");
        refused("g_patent.tsv [line 6, field patent_date]: \"2015-01-32\" is not a date (expected YYYY-MM-DD, e.g. 2015-01-06)");
    }

    @Test
    void missingKindCode() {
        replace(bad.resolve("g_patent.tsv"), "\"Air filter\"\t\"B2\"", "\"Air filter\"\t\"\"");
        refused("g_patent.tsv [line 2, field wipo_kind]: is empty but required");
    }

    @Test
    void duplicatePatent() {
        replace(bad.resolve("g_patent.tsv"), "\"8420456\"\t\"utility\"", "\"8419845\"\t\"utility\"");
        refused("g_patent.tsv [line 3, field patent_id]: duplicate patent 8419845 (first at line 2)");
    }

    @Test
    void cpcRowOfAPatentThatIsNotInThePatentTable() {
        replace(bad.resolve("g_cpc_current.tsv"), "\"8926509\"\t\"0\"", "\"123\"\t\"0\"");
        refused("g_cpc_current.tsv [line 2, field patent_id]: patent 123 is not in g_patent.tsv");
    }

    @Test
    void abstractOfAPatentThatIsNotInThePatentTable() {
        replace(bad.resolve("g_patent_abstract.tsv"), "\"8930553\"\t", "\"8930554\"\t");
        refused("g_patent_abstract.tsv [line 8, field patent_id]: patent 8930554 is not in g_patent.tsv");
    }

    @Test
    void cpcTypeThatIsNeitherInventionalNorAdditional() {
        replace(bad.resolve("g_cpc_current.tsv"), "\"A61B5/0024\"\t\"inventional\"", "\"A61B5/0024\"\t\"inventive\"");
        refused("g_cpc_current.tsv [line 3, field cpc_type]: \"inventive\" is neither inventional nor additional");
    }

    @Test
    void cpcGroupThatIsNotACpcSymbol() {
        replace(bad.resolve("g_cpc_current.tsv"), "\"A61B5/0404\"", "\"A61B5-0404\"");
        refused("g_cpc_current.tsv [line 4, field cpc_group]: \"A61B5-0404\" is not a CPC symbol (expected e.g. H01L21/027)");
    }

    @Test
    void assigneeRowWithNeitherOrganisationNorPerson() {
        replace(bad.resolve("g_assignee_disambiguated.tsv"), "\"Hmicro, Inc.\"", "\"\"");
        refused("g_assignee_disambiguated.tsv [line 6, field disambig_assignee_organization]: the row names neither an organisation nor a person");
    }

    @Test
    void textAfterAQuotedField() {
        replace(bad.resolve("g_patent_abstract.tsv"), "\"8930553\"\t\"Processing", "\"8930553\"\t\"\"Processing");
        refused("g_patent_abstract.tsv [line 8]: malformed TSV: 'P' follows a quoted field where a tab or the end of the line "
                + "should be (is the file tab-separated, and are quotes inside quoted fields doubled?)");
    }

    @Test
    void quoteThatIsNeverClosed() {
        replace(bad.resolve("g_patent_abstract.tsv"), "context of the new SIP session.\"\n", "context of the new SIP session.\n");
        refused("g_patent_abstract.tsv [line 8]: a quoted field in this row is never closed (missing \" before the end of the file)");
    }
}
