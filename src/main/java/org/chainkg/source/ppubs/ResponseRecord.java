package org.chainkg.source.ppubs;

import java.util.List;
import java.util.Locale;

import org.chainkg.rdf.CpcSymbols;

/**
 * One record of a Patent Public Search response as the service sends it: a hit of a search response
 * ({@code {"numFound": .., "patents": [..]}}) or a full-document response (the same fields plus {@code abstractHtml},
 * {@code assigneeCountry}, {@code applicantCountry}, {@code inventorCountry}, claims and description, which are not
 * read). Field names are the service's camelCase ones.
 */
final class ResponseRecord {

    static PpubsPatent read(RecordFields f) {
        PpubsPatent p = new PpubsPatent(f.file, f.line);
        String[] guid = f.guid("guid");
        p.id = guid[0];
        p.kind = guid[1];
        p.lang = lang(f);
        p.date = f.date("datePublished");
        if (p.date.isEmpty()) throw f.error("datePublished", "is empty but required");
        p.title = PpubsText.title(f.text("inventionTitle"));
        p.abstractText = PpubsText.plain(f.text("abstractHtml"));
        List<String> filed = f.list("applicationFilingDate");
        if (!filed.isEmpty()) p.filingDate = f.date("applicationFilingDate[0]", filed.get(0));
        p.applicationNumber = f.text("applicationNumber").trim();
        p.familyId = f.text("familyIdentifierCur").trim();
        parties(f, "assigneeName", "assigneeCountry", p.assignees);
        parties(f, "applicantName", "applicantCountry", p.applicants);
        List<String> inventorCountries = f.list("inventorCountry");
        for (int i = 0; i < inventorCountries.size(); i++)
            f.country("inventorCountry[" + i + "]", inventorCountries.get(i)).ifPresent(p.inventorCountries::add);
        cpc(f, "cpcInventiveFlattened", "cpcInventive", true, p);
        cpc(f, "cpcAdditionalFlattened", "cpcAdditional", false, p);
        for (String ipc : f.symbols("ipcCodeFlattened"))
            p.ipc.add(CpcSymbols.normalise(ipc).orElseThrow(() ->
                f.error("ipcCodeFlattened", "\"" + ipc + "\" is not an IPC symbol (expected e.g. H01L21/70)")));
        return p;
    }

    /** Names and, in document responses, their countries (a parallel list; "N/A" when not given). */
    private static void parties(RecordFields f, String nameField, String countryField, List<PpubsPatent.Party> into) {
        List<String> names = f.list(nameField);
        List<String> countries = f.list(countryField);
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i);
            String name = PpubsText.plain(raw);
            if (name.isEmpty() || ExtractRecord.isPerson(name)) continue;
            String country = i < countries.size() ? f.country(countryField + "[" + i + "]", countries.get(i)).orElse(null) : null;
            into.add(new PpubsPatent.Party(name, raw, country));
        }
    }

    /** The flattened field ("A;B"), else the list of versioned symbols ("H01L21/30604 20130101"). */
    private static void cpc(RecordFields f, String flattened, String list, boolean inventive, PpubsPatent p) {
        String field = f.text(flattened).isBlank() ? list : flattened;
        for (String s : f.symbols(field))
            p.cpc.add(new PpubsPatent.Cpc(f.cpc(field, s), inventive, field));
    }

    /** The record's language tag from languageIndicator ("EN" -> "en"); English when not given. */
    static String lang(RecordFields f) {
        String l = f.text("languageIndicator").trim();
        return l.matches("[A-Za-z]{2}") ? l.toLowerCase(Locale.ROOT) : "en";
    }

    private ResponseRecord() {}
}
