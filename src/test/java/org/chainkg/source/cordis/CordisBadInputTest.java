package org.chainkg.source.cordis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.chainkg.source.SourceDataException;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.chainkg.store.StoreStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad CORDIS input is refused with one message naming file, line and column, and the store (triples and text
 * index) stays as it was. The store holds the CORDIS fixture (graph .../cordis/cordis); each bad copy is a folder
 * named "cordis" too, so a partial load would have replaced that graph.
 */
class CordisBadInputTest {
    /** One store for the class: every test checks that its refused load left it exactly as it was. */
    @TempDir static Path shared;
    static ChainStore store;
    static String before;
    static long docsBefore;
    Path bad;

    @BeforeAll
    static void load() {
        store = ChainStore.open(shared.resolve("db"));
        new SourceLoader(store.dataset()).load(new CordisReader(), List.of(CordisGoldenTest.FIXTURES), null);
        before = dump();
        docsBefore = StoreStatistics.textDocuments(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void copyFixture(TestInfo test) {
        bad = TestData.copy(CordisGoldenTest.FIXTURES, shared.resolve(test.getTestMethod().orElseThrow().getName()).resolve("cordis"));
    }

    private static String dump() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return String.join("\n", new TreeSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))));
    }

    private void assertRefused(String expectedMessage) {
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new CordisReader(), List.of(bad), null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, dump(), "the store changed after a refused load");
        assertEquals(docsBefore, StoreStatistics.textDocuments(store), "the text index changed after a refused load");
    }

    private List<String> lines(String file) throws IOException {
        return new ArrayList<>(Files.readAllLines(bad.resolve(file)));
    }

    private void replaceInLine(String file, int line, String from, String to) throws IOException {
        CordisReaderTest.replaceInLine(bad.resolve(file), line, from, to);
    }

    @Test
    void wrongColumnSet() throws IOException {
        replaceInLine("organizations.csv", 1, "\"organisationID\"", "\"organizationID\"");
        assertRefused("organizations.csv [line 1, field organisationID]: required column is missing from the header "
            + "(header has: projectID, projectAcronym, organizationID, vatNumber, name, shortName, SME, activityType, street, "
            + "postCode, city, country, nutsCode, geolocation, organizationURL, contactForm, contentUpdateDate, rcn, order, "
            + "role, ecContribution, netEcContribution, totalCost, endOfParticipation, active)");
    }

    /** The same project, organisation, role and order twice is an error: the contribution would count twice. */
    @Test
    void duplicateParticipationRow() throws IOException {
        List<String> rows = lines("organizations.csv");
        rows.add(4, rows.get(2)); // line 3 (Helsinki, participant, order 2) again as line 5
        Files.write(bad.resolve("organizations.csv"), rows);
        assertRefused("organizations.csv [line 5, field organisationID]: duplicate participation: organisation 999994535 is "
            + "already listed in project 115974 as participant (order 2) at line 3; remove the repeated row, or its EU "
            + "contribution would count twice");
    }

    @Test
    void activityTypeThatIsNotACordisType() throws IOException {
        replaceInLine("organizations.csv", 8, "\"REC\"", "\"RES\"");
        assertRefused("organizations.csv [line 8, field activityType]: \"RES\" is not a CORDIS activity type (use HES, REC, "
            + "PRC, PUB or OTH)");
    }

    @Test
    void contributionWithTwoDecimalMarks() throws IOException {
        replaceInLine("organizations.csv", 4, "\"1942896.25\",\"1942896.25\"", "\"1.942.896,25\",\"1942896.25\"");
        assertRefused("organizations.csv [line 4, field ecContribution]: \"1.942.896,25\" is not an amount in euro (write "
            + "digits with one decimal mark, \".\" or \",\", and no thousands separators, e.g. 2674336.55)");
    }

    @Test
    void contributionThatIsNotANumber() throws IOException {
        replaceInLine("organizations.csv", 6, "\"655000.0\",\"655000.0\"", "\"n/a\",\"655000.0\"");
        assertRefused("organizations.csv [line 6, field ecContribution]: \"n/a\" is not an amount in euro (write digits "
            + "with one decimal mark, \".\" or \",\", and no thousands separators, e.g. 2674336.55)");
    }

    @Test
    void smeThatIsNotTrueOrFalse() throws IOException {
        replaceInLine("organizations.csv", 21, "\"True\",\"PRC\"", "\"yes\",\"PRC\"");
        assertRefused("organizations.csv [line 21, field SME]: \"yes\" is not True or False");
    }

    @Test
    void countryThatIsNotACode() throws IOException {
        replaceInLine("organizations.csv", 12, "\"UK\"", "\"GBR\"");
        assertRefused("organizations.csv [line 12, field country]: \"GBR\" is not a country code (CORDIS uses ISO 3166-1 "
            + "alpha-2, with UK and EL)");
    }

    @Test
    void organisationIdThatIsNotAPic() throws IOException {
        replaceInLine("organizations.csv", 10, "\"999903064\"", "\"PIC999903064\"");
        assertRefused("organizations.csv [line 10, field organisationID]: \"PIC999903064\" is not a CORDIS organisation id "
            + "(PIC) (digits only)");
    }

    @Test
    void missingName() throws IOException {
        replaceInLine("organizations.csv", 27, "\"ABBVIE INC\"", "\"\"");
        assertRefused("organizations.csv [line 27, field name]: is empty but required");
    }

    @Test
    void topicOfAProjectWithoutParticipations() throws IOException {
        replaceInLine("project-topics.csv", 3, "\"633379\"", "\"633380\"");
        assertRefused("project-topics.csv [line 3, field projectID]: project 633380 has no rows in the organisations file "
            + "(give the topics file of the same CORDIS extract)");
    }

    @Test
    void unclosedQuote() throws IOException {
        replaceInLine("organizations.csv", 30, "\"ELI LILLY AND COMPANY LTD\"", "\"ELI LILLY AND COMPANY LTD");
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new CordisReader(), List.of(bad), null));
        // The quote swallows the rest of the file, so the record has too few fields or never ends.
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("organizations.csv [line 30]: "), e.getMessage());
        assertEquals(before, dump());
    }

    @Test
    void emptyOrganisationsFile() throws IOException {
        Files.write(bad.resolve("organizations.csv"), new byte[0]);
        assertRefused("organizations.csv: the file is empty (expected a header line and records)");
    }
}
