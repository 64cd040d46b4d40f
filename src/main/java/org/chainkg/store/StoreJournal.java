package org.chainkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The store's intent journal ({@code DIR/journal.json}): what a write in progress may have left half done. Before a
 * command touches a source graph it records the graph, and before it recomputes the derived graphs it records
 * {@link #DERIVED}; it removes the entry once that part is consistent again (TDB2 committed, text index committed,
 * completion marker written). Each change is written to a temporary file, forced to disk and moved into place, so
 * the journal on disk is always a whole one. A journal found when the store opens means the previous command was
 * killed; {@link StoreRecovery} repairs what it names. No journal file: nothing was in progress.
 */
public final class StoreJournal {
    /** The file name inside the store directory. */
    public static final String FILE = "journal.json";
    /** The entry that stands for "the derived graphs are being recomputed". */
    public static final String DERIVED = "derived-graphs";
    /**
     * The entry that stands for "any graph may change" (a server that accepts SPARQL Update and Graph Store writes):
     * jena-text commits TDB2 and then Lucene, so a kill between the two is repaired by rebuilding the whole text index.
     */
    public static final String TEXT_INDEX = "text-index";

    /** What the journal holds: the command that wrote it, when it started, and the parts in progress. */
    public record Entry(String command, long pid, String started, List<String> inProgress) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Set<String> inProgress = new LinkedHashSet<>();
    private String started;

    StoreJournal(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** The journal a killed command left, if any (read when the store opens, before any new entry). */
    public java.util.Optional<Entry> leftOver() {
        if (!Files.exists(file)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(JSON.readValue(file.toFile(), Entry.class));
        } catch (IOException e) {
            // A journal is moved into place whole; an unreadable one is not ours to trust: treat it as "everything".
            return java.util.Optional.of(new Entry("unknown", -1, null, List.of(DERIVED)));
        }
    }

    /** Records that {@code part} (a graph IRI or {@link #DERIVED}) is about to change. */
    public synchronized void begin(String part) {
        if (inProgress.isEmpty()) started = Instant.now().toString();
        if (inProgress.add(part)) write();
    }

    /** True while {@code part} is recorded as changing (by this command, or left so by the repair of a killed one). */
    public synchronized boolean inProgress(String part) {
        return inProgress.contains(part);
    }

    /** Records that {@code part} is consistent again; removes the journal when nothing is left in progress. */
    public synchronized void end(String part) {
        if (inProgress.remove(part)) write();
    }

    /** Forgets a left-over journal once it has been repaired. */
    synchronized void discardLeftOver() {
        inProgress.clear();
        write();
    }

    private void write() {
        try {
            if (inProgress.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path tmp = file.resolveSibling(FILE + ".tmp");
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                new Entry(command(), ProcessHandle.current().pid(), started, new ArrayList<>(inProgress)));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                   StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the store journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static String command() {
        return System.getProperty("sun.java.command", "chainkg").replaceFirst("^\\S*\\s*", "").replaceFirst(" .*", "");
    }

    /** Forces the directory entry of a renamed file to disk (Linux allows opening a directory for this). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform lets a directory be forced; the rename itself is atomic.
        }
    }
}
