package org.chainkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chainkg.Cli;
import org.chainkg.query.NamedQueries;
import org.chainkg.synthetic.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainkg bench --quick} (scale 0.01) runs every part of the harness and reports it; every named query
 * answers with rows on the synthetic data. No timing is asserted: timings depend on the machine.
 */
class BenchmarkSmokeTest {
    @TempDir Path work;

    @Test
    void quickRunReportsEveryPart() {
        Cli.Result r = Cli.run("bench", "--quick", "--no-jena", "--work", work.toString());
        assertEquals(0, r.exit(), r.err());
        String report = r.out();
        for (String part : List.of("Machine: ", "| chainkg load (source files -> TDB2 + text index; bulk path) |", "| chainkg load --no-bulk", "bytes per triple",
                                   "Peak heap", "| named query |", "| clients | requests |", "`match`"))
            assertTrue(report.contains(part), part + " missing in\n" + report);
        // Every named query answers with rows, technology-islands and technology-islands-outputs too: the generator
        // builds islands for CHN (the default country) into every chain.
        java.util.List<String> empty = new java.util.ArrayList<>();
        for (String q : NamedQueries.all().keySet()) {
            String row = report.lines().filter(l -> l.startsWith("| " + q + " |")).findFirst().orElseThrow(() -> new AssertionError(q + "\n" + report));
            long rows = Long.parseLong(row.split("\\|")[3].trim().replace(",", ""));
            if (rows == 0) empty.add(q);
        }
        assertEquals(List.of(), empty, "named queries with no rows on synthetic data:\n" + report);
        assertEquals(2, report.lines().filter(l -> l.matches("\\| 4 \\| \\d+ \\| 0 \\|.*")).count(),
                     "4 clients, no errors, in both mixes (every query; interactive):\n" + report);
        assertTrue(report.contains("interactive mix"), report);
        // The one-chain table: every query that takes a chain answers with rows for the generator's first chain.
        for (String q : List.of("chokepoints", "broken-segments", "country-profile", "chokepoint-capacity", "providers-of",
                                "outputs-for-item", "research-capacity")) {
            List<String> rows = report.lines().filter(l -> l.startsWith("| " + q + " |")).toList();
            assertEquals(2, rows.size(), q + " in both query tables:\n" + report);
            assertTrue(rows.get(1).contains("chain=https://w3id.org/chainkg/id/eto/synthetic-eto-chain-01/chain"), rows.get(1));
            assertTrue(Long.parseLong(rows.get(1).split("\\|")[3].trim().replace(",", "")) > 0, rows.get(1));
        }

        // The identity resolver merged the biggest firm's spellings in all four kinds of source: it supplies chains
        // (ETO), patents (PatentsView), publishes (OpenAlex) and joins EU projects (CORDIS).
        String db = work.resolve("scale-0.01/db").toString();
        String firm = SyntheticData.generate(0.01, 42, work.resolve("again")).queryParameters().get("org-profile").get("org");
        Cli.Result identity = Cli.run("query", "org-profile", "--db", db, "--format", "csv", "--quiet", "-p", "org=" + firm);
        assertEquals(0, identity.exit(), identity.err());
        for (String source : List.of("/id/eto/synthetic-eto-chain-", "/id/patentsview/assignee/", "https://openalex.org/I", "/id/cordis/org/"))
            assertTrue(identity.out().lines().anyMatch(l -> l.contains(",identity,") && l.contains(source)), source + " in\n" + identity.out());
    }
}
