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

    private Machine() {}
}
