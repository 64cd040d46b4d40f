package org.chainkg.source.ppubs;

import java.util.List;

import org.chainkg.rdf.CpcSymbols;

/**
 * One record of the flattened extract {@code patents_biblio.jsonl}: not a USPTO format, but Patent Public Search
 * records flattened by the data set's compiler to one JSON object per line with snake_case fields
 * ({@code guid, number, kind, date_published, title, abstract, assignees, applicants, assignee_country, cpc_inventive,
 * cpc_additional, ipc, ...}; search-highlight tags already removed from titles). The compiler's own flags
 * {@code semiconductor_cpc} and {@code semiconductor_keyword} are not read: chainkg derives what a patent bears on
 * from its CPC itself.
 */
final class ExtractRecord {

    static PpubsPatent read(RecordFields f) {
        PpubsPatent p = new PpubsPatent(f.file, f.line);
        String[] guid = f.guid("guid");
        p.id = guid[0];
        p.kind = guid[1];
        List<String> kind = f.list("kind");
        if (!kind.isEmpty() && !kind.get(0).trim().equals(p.kind))
            throw f.error("kind[0]", "\"" + kind.get(0) + "\" is not the kind of guid \"" + f.text("guid") + "\"");
        p.date = f.date("date_published");
        if (p.date.isEmpty()) throw f.error("date_published", "is empty but required");
        p.title = PpubsText.title(f.text("title"));
        p.abstractText = PpubsText.plain(f.text("abstract"));
        List<String> filed = f.list("filing_date");
        if (!filed.isEmpty()) p.filingDate = f.date("filing_date[0]", filed.get(0));
        p.applicationNumber = f.text("application_number").trim();
        List<String> names = f.list("assignees");
        List<String> countries = f.list("assignee_country");
        for (int i = 0; i < names.size(); i++) {
            String name = PpubsText.plain(names.get(i));
            if (name.isEmpty() || isPerson(name)) continue;
            String country = i < countries.size() ? f.country("assignee_country[" + i + "]", countries.get(i)).orElse(null) : null;
            p.assignees.add(new PpubsPatent.Party(name, names.get(i), country));
        }
        for (String raw : f.list("applicants")) {
            String name = PpubsText.plain(raw);
            if (!name.isEmpty() && !isPerson(name)) p.applicants.add(new PpubsPatent.Party(name, raw, null));
        }
        for (String s : f.symbols("cpc_inventive")) p.cpc.add(new PpubsPatent.Cpc(f.cpc("cpc_inventive", s), true, "cpc_inventive"));
        for (String s : f.symbols("cpc_additional")) p.cpc.add(new PpubsPatent.Cpc(f.cpc("cpc_additional", s), false, "cpc_additional"));
        for (String ipc : f.symbols("ipc"))
            p.ipc.add(CpcSymbols.normalise(ipc).orElseThrow(() ->
                f.error("ipc", "\"" + ipc + "\" is not an IPC symbol (expected e.g. H01L21/70)")));
        return p;
    }

    /**
     * Patent Public Search prints a natural person as "Last; First" ("Hutchinson; Danielle"); organisation names
     * hold no semicolon. A person makes no organisation (ck:assignee and ck:applicant hold organisations only).
     */
    static boolean isPerson(String name) {
        return name.matches("[^;]+;\\s*[^;]+");
    }

    private ExtractRecord() {}
}
