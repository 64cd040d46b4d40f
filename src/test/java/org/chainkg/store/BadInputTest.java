package org.chainkg.store;

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
import org.chainkg.source.eto.EtoChainReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad source file is refused with one message naming file, line and field, and the store (triples and text
 * index) stays exactly as it was. The bad copy has the same dataset name as the loaded fixture, so a partial
 * load would have replaced the existing graph.
 */
class BadInputTest {
    @TempDir Path tmp;
    ChainStore store;
    Path bad;
    String before;
    long docsBefore;

    @BeforeEach
    void setUp() {
        store = TestData.storeWith(tmp.resolve("db"), TestData.ETO_MINI);
        bad = TestData.copy(TestData.ETO_MINI, tmp.resolve("bad").resolve("eto-mini"));
        before = dump();
        docsBefore = StoreStatistics.textDocuments(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private String dump() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return String.join("\n", new TreeSet<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n"))));
    }

    /** Replaces one physical line (1-based) of a fixture file. */
    private void setLine(String file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve(file)));
        lines.set(line - 1, text);
        Files.write(bad.resolve(file), lines);
    }

    private void insertLine(String file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve(file)));
        lines.add(line - 1, text);
        Files.write(bad.resolve(file), lines);
    }

    private void assertRefused(String expectedMessage) {
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new EtoChainReader(), List.of(bad), null));
        assertEquals(expectedMessage, e.getMessage());
        assertEquals(before, dump(), "the store changed after a refused load");
        assertEquals(docsBefore, StoreStatistics.textDocuments(store), "the text index changed after a refused load");
    }

    @Test
    void shareThatIsNotANumber() throws IOException {
        setLine("provision.csv", 8, "NLD,P3,DUV scanners,N4,\"12,5\",2025,Synthetic fixture");
        assertRefused("provision.csv [line 8, field share_provided]: \"12,5\" is not a number (use a dot as decimal mark)");
    }

    @Test
    void shareAbove100() throws IOException {
        setLine("provision.csv", 6, "NLD,P3,EUV scanners,N3,100.5,2025,Synthetic fixture");
        assertRefused("provision.csv [line 6, field share_provided]: share 100.5 is above 100 (shares are percents from 0 to 100)");
    }

    @Test
    void providerThatDoesNotExist() throws IOException {
        setLine("provision.csv", 3, "CHN,P99,Wafer,N1,25.0,2025,Synthetic fixture");
        assertRefused("provision.csv [line 3, field provider_id]: \"P99\" is not a provider id defined in providers.csv");
    }

    @Test
    void inputThatDoesNotExist() throws IOException {
        setLine("provision.csv", 14, "NLD,P3,Lithography tools,N42,80.0,2025,Synthetic fixture");
        assertRefused("provision.csv [line 14, field provided_id]: \"N42\" is not an input or stage id defined in inputs.csv or stages.csv");
    }

    @Test
    void sequenceLinkToAnInputThatDoesNotExist() throws IOException {
        setLine("sequence.csv", 5, "DUV scanners,N4,,,Lithography tools,N22");
        assertRefused("sequence.csv [line 5, field is_type_of_id]: \"N22\" is not an input or stage id defined in inputs.csv or stages.csv");
    }

    @Test
    void missingRequiredColumn() throws IOException {
        setLine("provision.csv", 1, "provider_name,provider_id,provided_name,provided_id,share,year,source");
        assertRefused("provision.csv [line 1, field share_provided]: required column is missing from the header (header has: "
                      + "provider_name, provider_id, provided_name, provided_id, share, year, source)");
    }

    @Test
    void duplicateId() throws IOException {
        // Line 5 of inputs.csv is N4; give it N3's id (defined on line 4).
        setLine("inputs.csv", 5, "N3,DUV scanners,tool_resource,,,\"Synthetic.\",2025,,,Synthetic fixture");
        assertRefused("inputs.csv [line 5, field input_id]: duplicate id \"N3\" (first defined at line 4)");
    }

    @Test
    void duplicateProviderIdWithAnotherName() throws IOException {
        setLine("providers.csv", 8, "Nikon,,P10,organization,JPN");
        assertRefused("providers.csv [line 8, field provider_id]: duplicate id \"P10\" with another name, type or country "
                      + "than at line 7 (\"ASML,organization,NLD\")");
    }

    @Test
    void gitMergeConflictMarker() throws IOException {
        insertLine("inputs.csv", 4, "<<<<<<< HEAD");
        assertRefused("inputs.csv [line 4]: git merge-conflict marker '<<<<<<< HEAD'; resolve the conflict before loading");
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(bad.resolve("providers.csv"), new byte[0]);
        assertRefused("providers.csv: the file is empty (expected a header line and records)");
    }

    @Test
    void fileThatIsNotUtf8() throws IOException {
        byte[] latin1 = Files.readString(bad.resolve("inputs.csv")).replace("Photoresist,", "Photor\u00e9sist,")
            .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bad.resolve("inputs.csv"), latin1);
        assertRefused("inputs.csv [line 6]: the file is not UTF-8 (byte 0xE9 at byte 10 of the line cannot be decoded); "
                      + "its bytes look like windows-1252: load it with --encoding windows-1252, or save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8");
    }

    @Test
    void recordWithTooManyFields() throws IOException {
        setLine("provision.csv", 2, "JPN,P4,Wafer,N1,60.0,2025,Synthetic fixture,extra");
        assertRefused("provision.csv [line 2]: the record has 8 fields but the header has 7 (check for an unquoted comma or a missing quote)");
    }

    @Test
    void unknownItemType() throws IOException {
        setLine("inputs.csv", 2, "N1,Wafer,raw_material,Fabrication,S2,\"Synthetic.\",2025,,,Synthetic fixture");
        assertRefused("inputs.csv [line 2, field type]: \"raw_material\" is not an ETO input type (use one of design_resource, "
                      + "material_resource, process, tool_resource, ultimate_output)");
    }

    @Test
    void quoteThatIsNeverClosed() throws IOException {
        setLine("provision.csv", 27, "Various companies,P14,Finished chip,N8,,2025,\"Synthetic fixture");
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(new EtoChainReader(), List.of(bad), null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().equals("provision.csv [line 27]: malformed CSV: a quoted field in this record is never closed (missing \" before the end of the file)"), e.getMessage());
        assertEquals(before, dump());
    }

    @Test
    void mappingRowGivenTwiceForTheSameItemIsRefusedButItemIdsMayRepeatAcrossDatasets() throws IOException {
        // A first load of the mapping (a new graph: the bulk path) that fails must leave store and index as they were.
        Path dir = tmp.resolve("mapping-bad");
        Files.createDirectories(dir);
        String header = "item_id,item,cpc,cpc_title,rationale,dataset\n";
        String row = "N3,EUV scanners,G03F 7/70,Exposure apparatus,EUV scanners expose wafers,eto-mini\n";
        Files.writeString(dir.resolve("eto-cpc.csv"), header + row + "N5,Photoresist,G03F 7/004,Photosensitive materials,Resists,eto-mini\n" + row);
        var reader = org.chainkg.source.SourceFormats.byName("chain-mapping");
        SourceDataException e = assertThrows(SourceDataException.class,
            () -> new SourceLoader(store.dataset()).load(reader, List.of(dir), null));
        assertEquals("eto-cpc.csv [line 4, field cpc]: item N3 of dataset eto-mini is mapped to G03F 7/70 twice (first at line 2)", e.getMessage());
        assertEquals(before, dump(), "the store changed after a refused load");
        assertEquals(docsBefore, StoreStatistics.textDocuments(store), "the text index changed after a refused load");

        Path ok = tmp.resolve("mapping-ok");
        Files.createDirectories(ok);
        Files.writeString(ok.resolve("eto-cpc.csv"), header + row + row.replace("eto-mini", "another-chain"));
        assertEquals(2, new SourceLoader(store.dataset()).load(reader, List.of(ok), null).report().files().get(0).rows());
    }

    /** Each defect of a concordance row is refused with its line and field; the store stays as it was. */
    @Test
    void badConcordanceRowsAreRefused() throws IOException {
        String header = "old_cpc,old_title,new_cpc,basis,source\n";
        String good = "H01L 21/265,Ion implantation,H10P 30/00,title,titles agree\n";
        String[][] cases = {
            {"H01L 21/265,Ion implantation,H10P 30/00,guess,titles agree\n",
             "cpc-concordance.csv [line 2, field basis]: \"guess\" is not a basis (use documented or title)"},
            {"H01L 21/265,Ion implantation,H01L 21/26513,title,titles agree\n",
             "cpc-concordance.csv [line 2, field new_cpc]: H01L 21/26513 is a pre-2026 group (H01L 21-24 moved to H10P/H10W in CPC 2026.01)"},
            {"H01L 21/265,Ion implantation,H10P30,title,titles agree\n",
             "cpc-concordance.csv [line 2, field new_cpc]: \"H10P30\" is not a CPC symbol (write it like H01L 21/265; a notation prefix such as H01L 21/7625 stands for its groups)"},
            {good + good,
             "cpc-concordance.csv [line 3, field new_cpc]: H01L 21/265 → H10P 30/00 is listed twice (first at line 2)"},
            {"H01L 21/265,Ion implantation,H10P 30/00,title,\n",
             "cpc-concordance.csv [line 2, field source]: "},
        };
        assertMappingTableRefused("cpc-concordance.csv", header, cases);
    }
    @Test
    void badOrganisationAliasRowsAreRefused() throws IOException {
        String header = "name,country,identifier,kind,evidence\n";
        String good = "Old Name Lab,FRA,pic:999992401,,renamed in 2010\n";
        String[][] cases = {
            {"Old Name Lab,FR,pic:999992401,,renamed in 2010\n",
             "organisation-aliases.csv [line 2, field country]: \"FR\" is not an ISO 3166-1 alpha-3 country code (e.g. FRA)"},
            {"Old Name Lab,FRA,999992401,,renamed in 2010\n",
             "organisation-aliases.csv [line 2, field identifier]: \"999992401\" is not pic:NNNNNNNNN (a CORDIS PIC), ror:0xxxxxxNN (a ROR id) or key:NAME"},
            {"Old Name Lab,FRA,key:Old Lab,,renamed in 2010\n",
             "organisation-aliases.csv [line 2, field identifier]: \"key:Old Lab\" is not pic:NNNNNNNNN"},
            {"Old Name Lab,FRA,key:old-lab,company,renamed in 2010\n",
             "organisation-aliases.csv [line 2, field kind]: \"company\" is not a kind (use firm, research, or leave it empty)"},
            {good + good,
             "organisation-aliases.csv [line 3, field name]: \"Old Name Lab\" (FRA) is listed twice (first at line 2)"},
            {"Old Name Lab,FRA,pic:999992401,,\n",
             "organisation-aliases.csv [line 2, field evidence]: "},
        };
        assertMappingTableRefused("organisation-aliases.csv", header, cases);
    }

    /**
     * Each case ({bad rows, expected message start}) written after the header as the chain-mapping table {@code file},
     * alone in a folder: the load is refused with that message and the store is as before.
     */
    private void assertMappingTableRefused(String file, String header, String[][] cases) throws IOException {
        var reader = org.chainkg.source.SourceFormats.byName("chain-mapping");
        for (int k = 0; k < cases.length; k++) {
            Path dir = tmp.resolve(file + "-bad-" + k);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), header + cases[k][0]);
            SourceDataException e = assertThrows(SourceDataException.class,
                () -> new SourceLoader(store.dataset()).load(reader, List.of(dir), null));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(cases[k][1]), e.getMessage());
            assertEquals(before, dump(), "the store changed after a refused load");
        }
    }
}
