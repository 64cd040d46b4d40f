package org.chainkg.source;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDF;

/**
 * Reads one source format and streams it as RDF triples. One implementation per real format, registered in
 * {@link SourceFormats}. A reader never skips what it cannot read: it throws {@link SourceDataException}
 * naming file, line and field, and the caller aborts the load so that the store stays as it was.
 */
public interface SourceReader {
    /** The name used with {@code load --format NAME}. */
    String format();

    /** The reader's version, recorded in the load's provenance. */
    String version();

    /** True when these paths look like this format (used when {@code --format} is not given). */
    boolean accepts(List<Path> paths);

    /**
     * A short stable key for the dataset these paths hold (e.g. the folder name); it names the source's graph,
     * so loading the same dataset again replaces it.
     */
    String datasetKey(List<Path> paths);

    /**
     * Streams the source to {@code out} as triples (no quads: the loader puts them in the source's graph).
     * @return what was read, for the provenance record
     */
    SourceReport read(List<Path> paths, StreamRDF out);

    /**
     * True for formats of delimited text (CSV, TSV) whose encoding {@code load --encoding} may set; JSON (RFC 8259) and
     * XML (its declaration) state their own encoding, so their readers refuse the option.
     */
    default boolean takesEncoding() { return false; }
}
