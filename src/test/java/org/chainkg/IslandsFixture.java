package org.chainkg;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.chainkg.analytics.DerivedGraphs;
import org.chainkg.source.SourceFormats;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;

/**
 * The synthetic islands fixture ({@code src/test/resources/fixtures/islands}, see its NOTICE.md) on top of eto-mini:
 * research organisations, firms, patents, projects, a CPC mapping and one topic-to-item link, with the derived
 * graphs computed. Worked out by hand in {@code src/test/golden/islands/README.md}.
 */
public final class IslandsFixture {
    public static final Path DIR = Path.of("src/test/resources/fixtures/islands");
    public static final String TOPIC_GRAPH = "https://w3id.org/chainkg/graph/test/topic-mapping";

    /** PICs of the fixture's organisations (canonical keys are "pic-" + PIC). */
    public static final String RO1 = "990000101", RO2 = "990000102", RO3 = "990000103";
    public static final String F1 = "990000111", F2 = "990000112", FX = "990000113";

    public static ChainStore store(Path db) {
        ChainStore s = TestData.storeWith(db, TestData.ETO_MINI);
        SourceLoader loader = new SourceLoader(s.dataset());
        loader.load(SourceFormats.byName("chain-mapping"), List.of(DIR.resolve("mapping")), null);
        loader.load(SourceFormats.byName("cordis"), List.of(DIR.resolve("cordis")), null);
        loader.load(SourceFormats.byName("uspto-xml"), List.of(DIR.resolve("uspto")), null);
        // No reader makes links from CORDIS topics to chain items yet: this one is parsed into a graph of its own.
        Txn.executeWrite(s.dataset(), () -> RDFParser.source(DIR.resolve("topic-mapping.ttl"))
            .parse(s.dataset().getGraph(NodeFactory.createURI(TOPIC_GRAPH))));
        org.chainkg.pipeline.Pipeline.embedded(s.dataset()).derive();
        return s;
    }

    private IslandsFixture() {}
}
