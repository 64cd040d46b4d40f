package org.chainkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the benchmark ran on: processors, memory, Java, and the load on the machine while it ran. */
final class Machine {
    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format("%d processors (nproc), %s memory, max heap %,d MB, Java %s (%s %s), %s %s; load average at start %s",
            rt.availableProcessors(), memTotal(), rt.maxMemory() >> 20, System.getProperty("java.version"),
            System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("os.name"),
            System.getProperty("os.arch"), loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> String.format("%.1f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Bytes of disk allocated to a folder, as {@code du -sk} reports them: TDB2 preallocates its memory-mapped files in
     * 8 MB steps as sparse files, so their apparent sizes ({@link #apparentBytes}) overstate small stores. Falls back
     * to the apparent size where {@code du} is not available. Runs {@code sync} first: with delayed allocation the file
     * system allocates the blocks of freshly written memory-mapped pages only when they are written back, and
     * {@code du} right after a load reported a fraction of the store (16 MB for a scale-1 store of about 90 MB).
     */
    static long bytesOnDisk(Path dir) {
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
    static long apparentBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try { return Files.size(f); } catch (IOException e) { return 0; }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private Machine() {}
}
