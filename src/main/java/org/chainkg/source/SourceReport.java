package org.chainkg.source;

import java.util.List;

/** What a reader read: one entry per file, for the load's PROV record, plus a credit line for the data. */
public record SourceReport(String title, String credit, String license, List<FileReport> files) {

    /** One file read: its name, size, SHA-256 of its bytes, and the number of records (not lines) read. */
    public record FileReport(String name, String path, long bytes, String sha256, long rows) {}
}
