package org.chainkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.chainkg.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property paths over the default graph see the releases queries see: on chains-mini (eto-mini in releases 2024-01
 * and 2025-01), a chain link only the superseded 2024-01 release has is found by a plain triple pattern with every
 * release shown, but by neither a triple pattern nor a path ({@code |}, {@code *}) with the newest release only.
 */
class ReleasePathsTest {
    static final String OLD = "https://w3id.org/chainkg/graph/eto/eto-mini/2024-01";

    @Test
    void pathsDoNotSeeSupersededReleases(@TempDir Path tmp) {
        try (ChainStore s = TestData.chainsMini(tmp.resolve("db"))) {
            var dsg = s.dataset();
            Set<String> onlyOld = Txn.calculateRead(dsg, () -> {
                Set<String> old = new HashSet<>(), other = new HashSet<>();
                String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#> SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a ck:feedsInto|ck:subtypeOf ?b } }";
                try (var e = Releases.showAll(QueryExec.dataset(dsg).query(QueryFactory.create(q))).build()) {
                    e.select().forEachRemaining(b -> (b.get("g").getURI().equals(OLD) ? old : other).add(b.get("a") + " " + b.get("b")));
                }
                old.removeAll(other);
                return old;
            });
            assertFalse(onlyOld.isEmpty(), "chains-mini's 2024-01 release has chain links the 2025-01 release has not");
            for (String query : new String[] {
                    "SELECT ?a ?b WHERE { ?a ck:feedsInto ?b } ", "SELECT ?a ?b WHERE { ?a ck:subtypeOf ?b }",
                    "SELECT ?a ?b WHERE { ?a ck:feedsInto|ck:subtypeOf ?b }", "SELECT ?a ?b WHERE { ?a (ck:feedsInto|ck:subtypeOf)* ?b }",
                    "SELECT ?a ?b WHERE { ?a ck:subtypeOf*/ck:feedsInto ?b }"}) {
                Set<String> seen = Txn.calculateRead(dsg, () -> {
                    Set<String> out = new HashSet<>();
                    try (var e = QueryExec.dataset(dsg).query(QueryFactory.create("PREFIX ck: <https://w3id.org/chainkg/ontology#> " + query)).build()) {
                        e.select().forEachRemaining(b -> out.add(b.get("a") + " " + b.get("b")));
                    }
                    return out;
                });
                assertTrue(seen.size() > 0, query);
                for (String link : onlyOld) assertFalse(seen.contains(link), query + " sees " + link + " of the superseded release");
            }
            // With every release shown (the release-comparing queries), the path sees the old release too.
            Set<String> all = Txn.calculateRead(dsg, () -> {
                Set<String> out = new HashSet<>();
                String q = "PREFIX ck: <https://w3id.org/chainkg/ontology#> SELECT ?a ?b WHERE { ?a ck:feedsInto|ck:subtypeOf ?b }";
                try (var e = Releases.showAll(QueryExec.dataset(dsg).query(QueryFactory.create(q))).build()) {
                    e.select().forEachRemaining(b -> out.add(b.get("a") + " " + b.get("b")));
                }
                return out;
            });
            assertEquals(true, all.containsAll(onlyOld));
        }
    }
}
