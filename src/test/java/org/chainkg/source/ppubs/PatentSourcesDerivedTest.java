package org.chainkg.source.ppubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.chainkg.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patents of the two new readers take part in the derived graphs like those of the other patent readers:
 * loaded (formats detected) beside the ETO chain and the curated CPC mapping, their assignees get canonical
 * organisations and their CPC groups link them to chain items.
 */
class PatentSourcesDerivedTest {
    @TempDir Path tmp;

    private static final String PREFIXES = "PREFIX ck: <https://w3id.org/chainkg/ontology#> ";

    private long count(String db, String where) {
        Cli.Result r = Cli.run("query", "--db", db, "--format", "csv", "--quiet", "--sparql",
            PREFIXES + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        return Long.parseLong(lines.get(1).trim());
    }

    @Test
    void resolvedAndLinked() {
        String db = tmp.resolve("db").toString();
        assertEquals(0, Cli.run("load", "--db", db, "--no-derive", "--format", "eto", "data/eto-chip-explorer").exit());
        assertEquals(0, Cli.run("load", "--db", db, "--no-derive", "data/mappings").exit());
        Cli.Result ppubs = Cli.run("load", "--db", db, "--no-derive", "data/uspto-ppubs");
        assertEquals(0, ppubs.exit(), ppubs.err());
        Cli.Result pv = Cli.run("load", "--db", db, "data/patentsview-api");
        assertEquals(0, pv.exit(), pv.err());
        String ppubsGraph = "<https://w3id.org/chainkg/graph/uspto-ppubs/uspto-ppubs>";
        String pvGraph = "<https://w3id.org/chainkg/graph/patentsview/patentsview-api>";
        long ppubsLinked = count(db, "GRAPH " + ppubsGraph + " { ?x a ck:Patent } ?x ck:bearsOn ?item");
        long pvLinked = count(db, "GRAPH " + pvGraph + " { ?x a ck:Patent } ?x ck:bearsOn ?item");
        long ppubsCanonical = count(db, "GRAPH " + ppubsGraph + " { ?p ck:assignee ?x } ?x ck:canonical ?c");
        long pvCanonical = count(db, "GRAPH " + pvGraph + " { ?p ck:assignee ?x } ?x ck:canonical ?c");
        assertTrue(ppubsLinked > 0 && pvLinked > 0, "patents linked to chain items: " + ppubsLinked + ", " + pvLinked);
        assertTrue(ppubsCanonical > 0 && pvCanonical > 0, "assignees with a canonical organisation: " + ppubsCanonical + ", " + pvCanonical);
    }
}
