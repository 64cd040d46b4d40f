package org.chainkg.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a synthetic national-scale data set in the real source formats, deterministic for a seed: several ETO
 * chain datasets, a CPC mapping table for them, PatentsView patent tables, OpenAlex works (JSON Lines) and CORDIS
 * participations. Scale 1 is about a million triples once loaded. Every folder name starts with "synthetic-",
 * every table has a {@code data_notice} column, every JSON record {@code "synthetic": true}, and {@code NOTICE.md}
 * says what the data are.
 * <p>
 * The data hold technology islands on purpose, so that {@code technology-islands} and
 * {@code technology-islands-outputs} answer with their default parameters (country CHN): in every chain a few tool
 * and material items (about 3 %, at least three; at least one for CHN, the others for CHN, USA, JPN, DEU or KOR)
 * are named after an emerging technology of the domain and mapped to a CPC group of its own; the island's country
 * holds no share of 5 % or more of them, none of its firms supplies them or holds, co-owns or co-authors a patent or
 * paper on them, and its research organisations hold patents and papers on them from 2010 to 2024, at least one of
 * them from 2015 or before (see {@link World} and {@link ChainModel}). The synthetic data have no patent citations
 * and no project topics mapped to items, so no citation or project shows uptake either. NOTICE.md lists the islands.
 * <pre>
 * SyntheticData.Manifest m = SyntheticData.generate(1.0, 42, Path.of("synthetic-1"));
 * for (SyntheticData.Source s : m.sources()) ...   // load each with its format (and graph, if given)
 * </pre>
 */
public final class SyntheticData {
    /** One generated source: its reader format, folder, the graph to load it into (null: the reader's default). */
    public record Source(String format, Path dir, String graph) {}

    /** What was generated: the sources in load order and query parameters that fit the data. */
    public record Manifest(Path dir, double scale, long seed, List<Source> sources, Map<String, Map<String, String>> queryParameters) {}

    /** The graph the synthetic mapping table goes into (the mapping reader's default graph holds the real one). */
    public static final String MAPPING_GRAPH = "https://w3id.org/chainkg/graph/chain-mapping/synthetic-mappings";

    public static Manifest generate(double scale, long seed, Path out) {
        if (!(scale > 0)) throw new IllegalArgumentException("--scale must be above 0, not " + scale);
        World world = new World(scale, seed);
        List<Source> sources = new ArrayList<>();
        for (ChainModel c : world.chains) {
            if (c == world.chains.get(0)) {
                // The first chain in two invented releases (2024-01, then 2025-01), for release-changes and concentration-trend.
                Path releases = out.resolve(c.dataset + "-releases");
                EtoFiles.write(c, releases.resolve("2024-01"), seed, true);
                sources.add(new Source("eto", releases.resolve("2024-01"), null));
                EtoFiles.write(c, releases.resolve("2025-01"), seed);
                sources.add(new Source("eto", releases.resolve("2025-01"), null));
                continue;
            }
            Path dir = out.resolve(c.dataset);
            EtoFiles.write(c, dir, seed);
            sources.add(new Source("eto", dir, null));
        }
        Path mappings = out.resolve("synthetic-mappings");
        EtoFiles.writeMappings(world.chains, mappings.resolve("eto-cpc.csv"));
        sources.add(new Source("chain-mapping", mappings, MAPPING_GRAPH));
        Path patents = out.resolve("synthetic-patentsview");
        PatentsViewFiles.write(world, patents, new Sampler(seed * 7 + 1));
        sources.add(new Source("patentsview", patents, null));
        Path works = out.resolve("synthetic-openalex");
        OpenAlexFiles.write(world, works, new Sampler(seed * 7 + 2));
        sources.add(new Source("openalex", works, null));
        Path cordis = out.resolve("synthetic-cordis");
        CordisFiles.write(world, cordis, new Sampler(seed * 7 + 3));
        sources.add(new Source("cordis", cordis, null));

        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        ChainModel first = world.chains.get(0);
        params.put("chain-map", Map.of("chain", first.chainIri()));
        params.put("search", Map.of("q", first.domain.cores().get(0)));
        params.put("org-profile", Map.of("org", world.firms.get(0).name()));
        params.put("release-changes", Map.of("dataset", first.dataset));
        params.put("what-if", Map.of("without", String.join(",", first.topForeignCountries("CHN", 3))));
        Manifest m = new Manifest(out, scale, seed, sources, params);
        writeNotice(m, world);
        return m;
    }

    private static void writeNotice(Manifest m, World world) {
        StringBuilder sb = new StringBuilder();
        sb.append("# SYNTHETIC DATA — not real\n\n")
          .append("Generated by `chainkg generate --scale ").append(m.scale()).append(" --seed ").append(m.seed())
          .append("` for benchmarks and tests. Every organisation, place, chain, item, share, patent, paper and project\n")
          .append("here is invented (names are made of random syllables; ROR-shaped ids start with `0zz`). The files are\n")
          .append("in the formats of the real sources (ETO/CSET chain CSVs, PatentsView bulk TSV, OpenAlex JSON Lines,\n")
          .append("CORDIS CSV) only so that chainkg's real readers can be measured on them; they hold no data from those\n")
          .append("sources. Do not cite them. Every table has a `data_notice` column saying SYNTHETIC, every OpenAlex\n")
          .append("record `\"synthetic\": true`, and every folder name starts with `synthetic-`, which also names the\n")
          .append("graph (and the provenance title) each folder is loaded into.\n\n")
          .append("World: ").append(world.firms.size()).append(" firms, ").append(world.labs.size()).append(" research organisations, ")
          .append(world.chains.size()).append(" chains.\n\n## Sources (load order)\n\n| format | folder | graph |\n|---|---|---|\n");
        for (Source s : m.sources())
            sb.append("| ").append(s.format()).append(" | ").append(m.dir().relativize(s.dir())).append(" | ")
              .append(s.graph() == null ? "(reader's default)" : s.graph()).append(" |\n");
        sb.append("\n## Loading them (from this folder)\n\n```sh\n");
        for (Source s : m.sources())
            sb.append(loadCommand(new Source(s.format(), m.dir().relativize(s.dir()), s.graph()), Path.of(""))).append('\n');
        sb.append("java -jar target/chainkg.jar derive --db DB\n```\n");
        sb.append("\n## Technology islands\n\n")
          .append("Built in on purpose, for the `technology-islands` and `technology-islands-outputs` queries: in each chain\n")
          .append("a few tool and material items are named after an emerging technology and mapped to a CPC group of their\n")
          .append("own. The country of the island holds no share of 5 % or more of the item (it is not listed, or listed below\n")
          .append("5 %), none of its firms supplies the item or holds, co-owns or co-authors a patent or paper on it, and its\n")
          .append("research organisations hold patents and papers on it (2010-2024, at least one from 2015 or before). There are\n")
          .append("no patent citations and no project topics mapped to items in these data, so no citation or project shows\n")
          .append("uptake either. Items can also be islands by chance.\n\n")
          .append("| chain | item | name | country | CPC |\n|---|---|---|---|---|\n");
        for (ChainModel c : world.chains)
            c.islands.forEach((id, country) -> {
                ChainModel.Item i = c.item(id);
                sb.append("| ").append(c.dataset).append(" | ").append(id).append(" | ").append(i.name()).append(" | ")
                  .append(country.alpha3()).append(" | ").append(String.join(", ", i.cpc())).append(" |\n");
            });
        sb.append("\n## Named-query parameters that fit these data\n\n");
        m.queryParameters().forEach((q, p) -> sb.append("- `").append(q).append("`: ").append(p).append('\n'));
        try {
            Files.createDirectories(m.dir());
            Files.writeString(m.dir().resolve("NOTICE.md"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line that loads one source (derived graphs once at the end, see the NOTICE). */
    public static String loadCommand(Source s, Path base) {
        return "java -jar target/chainkg.jar load --db DB --no-derive --format " + s.format()
            + (s.graph() == null ? "" : " --graph " + s.graph()) + " " + base.resolve(base.relativize(s.dir()));
    }

    private SyntheticData() {}
}
