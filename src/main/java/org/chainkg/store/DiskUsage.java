package org.chainkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Disk space taken by a store folder (TDB2 files are sparse and memory-mapped: see {@link #allocatedBytes}). */
public final class DiskUsage {
    /**
     * Bytes of disk allocated to a folder, as {@code du -sk} reports them: TDB2 preallocates its memory-mapped files in
     * 8 MB steps as sparse files, so their apparent sizes ({@link #apparentBytes}) overstate small stores. Falls back
     * to the apparent size where {@code du} is not available. Runs {@code sync} first: with delayed allocation the file
     * system allocates the blocks of freshly written memory-mapped pages only when they are written back, and
     * {@code du} right after a load reported a fraction of the store (16 MB for a scale-1 store of about 90 MB).
     */
    public static long allocatedBytes(Path dir) {
        try {
            new ProcessBuilder("sync").redirectErrorStream(true).start().waitFor();
            Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0) return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (IOException | RuntimeException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return apparentBytes(dir);
    }

    /** Bytes of all files under a folder (their sizes as the file system reports them, sparse files counted whole). */
    public static long apparentBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try { return Files.size(f); } catch (IOException e) { return 0; }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private DiskUsage() {}
}
