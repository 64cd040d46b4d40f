package org.chainkg.store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.chainkg.source.FileScan;

/**
 * Progress of a load on stderr, for loads that take longer than a couple of seconds: records read (nodes that
 * carry a source line), triples written, triples per second, the file being read, and an estimate of the time
 * left from the bytes of the files already read (the sizes of the input files are known; the estimate moves in
 * steps of whole files). {@link #NONE} prints nothing.
 */
public final class LoadProgress implements AutoCloseable {
    /** Progress that prints nothing (tests, --quiet, the benchmark's timed runs). */
    public static final LoadProgress NONE = new LoadProgress(null, null, List.of());

    private final String label;
    private final PrintStream out;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private final AtomicLong triples = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private volatile long bytesBefore;
    private volatile long bytesSeen;
    private volatile String file = "";
    private volatile int files;
    private ScheduledExecutorService timer;

    /** Progress for a load of these paths, printed to {@code out} (null: nothing is printed). */
    public LoadProgress(String label, PrintStream out, List<Path> paths) {
        this.label = label;
        this.out = out;
        this.totalBytes = out == null ? 0 : sizeOf(paths);
    }

    void start() {
        if (out == null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chainkg-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, 2, 3, TimeUnit.SECONDS);
    }

    void triples(long n) { triples.addAndGet(n); }

    void records(long n) { records.addAndGet(n); }

    /** Called (on the reader's thread) when the reader starts a file: the files before it are read. */
    void fileStarted(FileScan scan) {
        bytesBefore = bytesSeen;
        bytesSeen += scan.bytes();
        file = scan.name();
        files++;
    }

    private void print() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long t = triples.get();
        StringBuilder sb = new StringBuilder(label).append(": ");
        sb.append(String.format("%,d records, %,d triples, %,.0f triples/s", records.get(), t, t / seconds));
        if (!file.isEmpty()) sb.append(", file ").append(files).append(' ').append(file);
        if (totalBytes > 0 && bytesBefore > 0) {
            double done = (double) bytesBefore / totalBytes;
            sb.append(String.format(", about %.0f s left", seconds * (1 - done) / done));
        }
        out.println(sb);
        out.flush();
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }

    private static long sizeOf(List<Path> paths) {
        long total = 0;
        for (Path p : paths) {
            try {
                if (Files.isRegularFile(p)) total += Files.size(p);
                else if (Files.isDirectory(p))
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path f : (Iterable<Path>) s::iterator) if (Files.isRegularFile(f)) total += Files.size(f);
                    }
            } catch (IOException e) {
                return 0;
            }
        }
        return total;
    }
}
