package org.chainkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.chainkg.source.eto.EtoChainReader;
import org.chainkg.store.ChainStore;
import org.chainkg.pipeline.Pipeline;
import static java.nio.charset.StandardCharsets.UTF_8;

/** Paths of the test fixtures and the bundled real data, and a store loaded with them. */
public final class TestData {
    /** Synthetic ETO-format chain whose query answers are worked out by hand (see its NOTICE.md). */
    public static final Path ETO_MINI = Path.of("src/test/resources/fixtures/eto-mini");
    /** The real ETO/CSET dataset bundled with chainkg. */
    public static final Path ETO_REAL = Path.of("data/eto-chip-explorer");

    /** Synthetic research outputs and projects around eto-mini (mapping, PatentsView, CORDIS formats). */
    public static final Path RESEARCH_MINI = Path.of("src/test/resources/fixtures/research-mini");

    /** eto-mini plus research-mini, with the derived graphs (identity, technology reach, text links) computed. */
    public static ChainStore researchMini(Path dir) {
        ChainStore store = storeWith(dir, ETO_MINI);
        Pipeline pipeline = Pipeline.embedded(store.dataset()).deriveAfterLoad(false);
        for (String part : List.of("mappings", "patentsview", "cordis")) {
            List<Path> paths = List.of(RESEARCH_MINI.resolve(part));
            pipeline.load(Pipeline.Load.of(org.chainkg.source.SourceFormats.detect(paths), paths));
        }
        pipeline.derive();
        return store;
    }

    /** Synthetic chains in the formats of the production statistics (USGS, IEA, PV_ICE), an older eto-mini release, links. */
    public static final Path CHAINS_MINI = Path.of("src/test/resources/fixtures/chains-mini");

    /**
     * eto-mini as release 2025-01 beside its older release 2024-01, usgs-mini, iea-mini, pv-mini and the cross-chain
     * links between them, with the derived graphs computed.
     */
    public static ChainStore chainsMini(Path dir) {
        ChainStore store = ChainStore.open(dir);
        Pipeline pipeline = Pipeline.embedded(store.dataset()).deriveAfterLoad(false);
        pipeline.load(new Pipeline.Load(new EtoChainReader(), List.of(CHAINS_MINI.resolve("eto-mini-releases/2024-01")), null, "2024-01", UTF_8));
        pipeline.load(new Pipeline.Load(new EtoChainReader(), List.of(ETO_MINI), null, "2025-01", UTF_8));
        for (String part : List.of("usgs-mini/2024", "iea-mini", "pv-mini", "cross-chain.csv")) {
            List<Path> paths = List.of(CHAINS_MINI.resolve(part));
            pipeline.load(new Pipeline.Load(org.chainkg.source.SourceFormats.detect(paths), paths, null,
                          part.startsWith("usgs") || part.startsWith("iea") ? "2024" : null, UTF_8));
        }
        pipeline.derive();
        return store;
    }

    /** A store with one ETO-format chain, without derived graphs. */
    public static ChainStore storeWith(Path dir, Path etoFolder) {
        ChainStore store = ChainStore.open(dir);
        Pipeline.embedded(store.dataset()).deriveAfterLoad(false).load(Pipeline.Load.of(new EtoChainReader(), List.of(etoFolder)));
        return store;
    }

    /** A store with one ETO-format chain and its derived graphs (concentration measures, nearest stages ...). */
    public static ChainStore derivedStoreWith(Path dir, Path etoFolder) {
        ChainStore store = storeWith(dir, etoFolder);
        Pipeline.embedded(store.dataset()).derive();
        return store;
    }

    /** Copies a fixture folder so that a test can change its files. */
    public static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files::iterator)
                    Files.copy(f, to.resolve(f.getFileName().toString()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestData() {}
}
