package org.chainkg.source.ppubs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one Patent Public Search record says, cleaned (HTML, highlight tags and entities removed), whatever file kind
 * it came from; {@link PpubsTriples} writes it. Field names are those of the file it came from, for errors.
 */
final class PpubsPatent {
    /** An organisation named as assignee or applicant, with its ISO alpha-3 country when the record gives one. */
    record Party(String name, String rawName, String country) {}

    /** A CPC symbol as printed, whether it is inventive, and the field it came from. */
    record Cpc(String symbol, boolean inventive, String field) {}

    final String file;
    final long line;
    /** "US11803561B1": country, number without leading zeros, kind (see PatentNumbers). */
    String id = "";
    String kind = "";
    String lang = "en";
    String title = "";
    String abstractText = "";
    String date = "";
    String filingDate = "";
    String applicationNumber = "";
    String familyId = "";
    final List<Party> assignees = new ArrayList<>();
    final List<Party> applicants = new ArrayList<>();
    final Set<String> inventorCountries = new LinkedHashSet<>();
    final List<Cpc> cpc = new ArrayList<>();
    /** Normalised IPC symbols ("H01L 21/70"). */
    final Set<String> ipc = new LinkedHashSet<>();

    PpubsPatent(String file, long line) {
        this.file = file;
        this.line = line;
    }
}
