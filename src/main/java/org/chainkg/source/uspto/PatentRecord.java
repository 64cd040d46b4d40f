package org.chainkg.source.uspto;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one USPTO patent document says, as read by {@link UsptoDocumentParser}: raw strings as printed (the
 * writer parses and normalises them), one record at a time.
 */
final class PatentRecord {
    /** An assignee: an organisation name, or a person's name (then no organisation is made). */
    record Assignee(String orgName, String personName, String country) {}

    /** A CPC symbol and whether it is inventive (main CPC or classification-value I) or additional (A). */
    record Cpc(String symbol, boolean inventive) {}

    /** A cited patent document as printed: country, doc-number, kind (may be empty). */
    record Citation(String country, String number, String kind, String path) {}

    final long startLine;
    final String root;
    String lang = "en";
    String country = "";
    String docNumber = "";
    String kind = "";
    String date = "";
    String applicationNumber = "";
    String filingDate = "";
    String title = "";
    String abstractText = "";
    final List<Assignee> assignees = new ArrayList<>();
    /** Two-letter codes as printed. */
    final Set<String> inventorCountries = new LinkedHashSet<>();
    final List<Cpc> cpc = new ArrayList<>();
    /** Normalised IPC symbols ("H01L 21/027"). */
    final Set<String> ipc = new LinkedHashSet<>();
    final List<Citation> citations = new ArrayList<>();
    final List<String> nonPatentCitations = new ArrayList<>();

    PatentRecord(long startLine, String root) {
        this.startLine = startLine;
        this.root = root;
    }

    /** The bibliographic block's element name, for field paths in errors. */
    String biblio() {
        return root + "/" + (root.equals("us-patent-application") ? "us-bibliographic-data-application" : "us-bibliographic-data-grant");
    }
}
