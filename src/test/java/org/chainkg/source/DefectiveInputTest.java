package org.chainkg.source;

import static org.chainkg.source.uspto.ReaderTesting.assertRefused;
import static org.chainkg.source.uspto.ReaderTesting.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chainkg.source.cordis.CordisReader;
import org.chainkg.source.eto.EtoChainReader;
import org.chainkg.source.mapping.ChainMappingReader;
import org.chainkg.source.openalex.OpenAlexReader;
import org.chainkg.source.patentsview.PatentsViewReader;
import org.chainkg.source.ppubs.PpubsReader;
import org.chainkg.source.ror.RorReader;
import org.chainkg.source.uspto.ReaderTesting;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects that every reader of a delimited or JSON format used to accept silently, each built from the real bundled
 * files (data/, and the PatentsView fixture): a NUL byte in a field, a curated table cut at a record boundary, a
 * record id given twice, a byte-order mark, UTF-16 text, and a folder that holds no file of the format. Each is
 * refused with file, line and field (or, for the BOM, read as the same table), and the store, loaded beforehand
 * with the same sources under the same folder names, stays exactly as it was.
 */
class DefectiveInputTest {
    static final Path PATENTSVIEW = Path.of("src/test/resources/fixtures/patentsview");

    @TempDir static Path shared;
    @TempDir Path tmp;
    static ChainStore store;

    @BeforeAll
    static void loadSources() {
        store = ChainStore.open(shared.resolve("db"));
        ReaderTesting.load(store, new EtoChainReader(), Path.of("data/eto-chip-explorer"));
        ReaderTesting.load(store, new ChainMappingReader(), Path.of("data/mappings"));
        ReaderTesting.load(store, new CordisReader(), Path.of("data/cordis-h2020"));
        ReaderTesting.load(store, new OpenAlexReader(), Path.of("data/samples/openalex"));
        ReaderTesting.load(store, new PatentsViewReader(), PATENTSVIEW);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    /** Replaces the first occurrence of a text in a file with the same text with a NUL byte after its first char. */
    private static void insertNul(Path file, String text) throws IOException {
        String s = Files.readString(file);
        int at = s.indexOf(text);
        if (at < 0) throw new IllegalStateException(text + " not in " + file);
        Files.writeString(file, s.substring(0, at + 1) + '\0' + s.substring(at + 1));
    }

    private static final String NUL = "the value holds a NUL byte (U+0000) at character 2 (control characters are not "
        + "allowed in a field; remove it, or if every other byte is NUL, convert the file from UTF-16 to UTF-8)";

    @Test
    void nulInAMappingField() throws IOException {
        Path bad = copy(Path.of("data/mappings"), tmp.resolve("mappings"));
        insertNul(bad.resolve("eto-cpc.csv"), "Circuit design");
        assertRefused(store, new ChainMappingReader(), "eto-cpc.csv [line 2, field cpc_title]: " + NUL, bad);
    }

    @Test
    void nulInAPatentsViewField() throws IOException {
        Path bad = copy(PATENTSVIEW, tmp.resolve("patentsview"));
        insertNul(bad.resolve("g_patent.tsv"), "Air filter");
        assertRefused(store, new PatentsViewReader(), "g_patent.tsv [line 2, field patent_title]: " + NUL, bad);
    }

    @Test
    void nulInACordisUrlIsRefusedNotDropped() throws IOException {
        Path bad = copy(Path.of("data/cordis-h2020"), tmp.resolve("cordis-h2020"));
        insertNul(bad.resolve("organizations.csv"), "http://www.lu.se");
        assertRefused(store, new CordisReader(), "organizations.csv [line 2, field organizationURL]: " + NUL, bad);
    }

    @Test
    void mappingCutAtARecordBoundary() throws IOException {
        Path bad = copy(Path.of("data/mappings"), tmp.resolve("mappings"));
        Path cpc = bad.resolve("eto-cpc.csv");
        String s = Files.readString(cpc);
        int at = 0;
        for (int line = 0; line < 197; line++) at = s.indexOf("\r\n", at) + 2;   // header and 196 records, CRLF kept
        Files.writeString(cpc, s.substring(0, at));
        assertRefused(store, new ChainMappingReader(), "eto-cpc.csv [line 198]: the file ends after 196 records, but "
            + "manifest.csv declares 343 (the file was cut short; restore the whole file)", bad);
    }

    @Test
    void duplicateOpenAlexWork() throws IOException {
        Path bad = copy(Path.of("data/samples/openalex"), tmp.resolve("openalex"));
        Files.copy(bad.resolve("W2741809807.json"), bad.resolve("W2741809807-again.json"));
        assertRefused(store, new OpenAlexReader(), "W2741809807.json [line 1, field id]: the record W2741809807 is given "
            + "twice (first at W2741809807-again.json line 1)", bad);
    }

    @Test
    void patentsViewTableWithABomIsRead() throws IOException {
        Path withBom = copy(PATENTSVIEW, tmp.resolve("with-bom").resolve("patentsview"));
        Path table = withBom.resolve("g_patent.tsv");
        Files.writeString(table, "\uFEFF" + Files.readString(table));
        ChainStore other = ChainStore.open(tmp.resolve("db"));
        try {
            var plain = new SourceLoader(other.dataset()).load(new PatentsViewReader(), List.of(PATENTSVIEW), null);
            String before = ReaderTesting.dump(other);
            var bom = new SourceLoader(other.dataset()).load(new PatentsViewReader(), List.of(withBom), null);
            assertEquals(plain.graph(), bom.graph());
            assertEquals(ReaderTesting.data(other, plain.graph()).size(), ReaderTesting.data(other, bom.graph()).size());
            assertEquals(before.lines().count(), ReaderTesting.dump(other).lines().count(), "the BOM changed what was read");
        } finally {
            other.close();
        }
    }

    @Test
    void utf16CsvWithAByteOrderMark() throws IOException {
        Path bad = copy(Path.of("data/eto-chip-explorer"), tmp.resolve("eto-chip-explorer"));
        Path stages = bad.resolve("stages.csv");
        Files.writeString(stages, Files.readString(stages), StandardCharsets.UTF_16);   // big-endian, with a BOM
        assertRefused(store, new EtoChainReader(), "stages.csv [line 1]: the file looks like UTF-16 (it starts with a "
            + "UTF-16 byte-order mark); convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8", bad);
    }

    @Test
    void utf16TsvWithoutAByteOrderMark() throws IOException {
        Path bad = copy(PATENTSVIEW, tmp.resolve("patentsview"));
        Path table = bad.resolve("g_patent.tsv");
        Files.writeString(table, Files.readString(table), StandardCharsets.UTF_16LE);
        assertRefused(store, new PatentsViewReader(), "g_patent.tsv [line 1]: the file looks like UTF-16 (every other "
            + "byte of the line is NUL); convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8", bad);
    }

    @Test
    void folderWithoutAFileOfTheFormat() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("openalex"));
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        Files.writeString(dir.resolve("NOTICE.md"), "# not data\n");
        assertRefused(store, new OpenAlexReader(), "no openalex file in " + dir
            + " (expected *.json, *.jsonl or *.ndjson files, optionally gzipped)", dir);
        assertRefused(store, new RorReader(), "no ror file in " + dir
            + " (expected ROR records in *.json, *.jsonl or *.ndjson files)", dir);
        assertRefused(store, new ChainMappingReader(), "no chain-mapping file in " + dir
            + " (expected eto-cpc.csv, eto-items-zh.csv, cpc-concordance.csv or organisation-aliases.csv)", dir);
        assertRefused(store, new PpubsReader(), "no uspto-ppubs file in " + dir
            + " (expected Patent Public Search responses (*.json) or the flattened extract (*.jsonl))", dir);
        assertRefused(store, new PatentsViewReader(), "no patentsview file in " + dir + " (expected the PatentsView tables "
            + "g_patent.tsv, g_patent_abstract.tsv, g_assignee_disambiguated.tsv, g_cpc_current.tsv or the PatentSearch API "
            + "files patents.jsonl, assignees.jsonl, inventors.jsonl)", dir);
    }
}
