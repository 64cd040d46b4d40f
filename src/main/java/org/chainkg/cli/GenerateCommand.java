package org.chainkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.chainkg.synthetic.SyntheticData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chainkg generate --scale S --seed N OUT_DIR}: writes synthetic source files in the real formats (ETO chain
 * CSVs, a CPC mapping table, PatentsView TSV, OpenAlex JSON Lines, CORDIS CSV), deterministic for a seed, labelled
 * synthetic in every file and in OUT_DIR/NOTICE.md. Scale 1 is about a million triples once loaded.
 */
@Command(name = "generate", description = "Write synthetic source files (real formats, labelled SYNTHETIC) for benchmarks; "
                                          + "scale 1 is about 1 M triples once loaded.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Size: 1 is about 1 M triples, 10 about 10 M. Default: ${DEFAULT-VALUE}")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (same seed and scale, same files). Default: ${DEFAULT-VALUE}")
    long seed;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "OUT_DIR", description = "Folder to write (created if needed).")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        SyntheticData.Manifest m = SyntheticData.generate(scale, seed, out);
        if (!common.quiet) {
            System.err.printf("generated synthetic data (scale %s, seed %d) in %s in %.1f s; see %s%n", scale, seed, out,
                              (System.nanoTime() - start) / 1e9, out.resolve("NOTICE.md"));
            for (SyntheticData.Source s : m.sources())
                System.err.println("  " + SyntheticData.loadCommand(s, out));
        }
        return 0;
    }
}
