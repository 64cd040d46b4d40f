package org.chainkg.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Synthetic EU research projects as the CORDIS "organizations" CSV (one row per participation, all 25 columns of
 * the real file) and the project topics CSV. A lab coordinates each project; participants are labs (HES, REC) and
 * firms (PRC), European ones more often, drawn by size.
 */
final class CordisFiles {
    static final List<String> COLUMNS = List.of("projectID", "projectAcronym", "organisationID", "vatNumber", "name",
        "shortName", "SME", "activityType", "street", "postCode", "city", "country", "nutsCode", "geolocation",
        "organizationURL", "contactForm", "contentUpdateDate", "rcn", "order", "role", "ecContribution",
        "netEcContribution", "totalCost", "endOfParticipation", "active");

    static long write(World world, Path dir, Sampler random) {
        int n = Math.max(100, (int) Math.round(1_500 * world.scale));
        Names names = new Names(random);
        List<String[]> topics = new ArrayList<>();
        long rows;
        try (Table t = Table.csv(dir.resolve("organizations.csv"), COLUMNS)) {
            for (int p = 0; p < n; p++) {
                String project = Long.toString(190_000_000L + p);
                String acronym = Names.upper(names.word()) + "-" + (p % 100);
                Set<World.Org> members = new LinkedHashSet<>();
                members.add(world.lab(random));
                for (int k = random.between(1, 7); k > 0; k--)
                    members.add(random.chance(0.45) ? world.europeanFirm(random) : world.lab(random));
                int order = 1;
                for (World.Org o : members) {
                    String activity = o.firm() ? "PRC" : o.kind().equals("university") ? "HES" : "REC";
                    String name = Names.upper(o.firm() ? o.name() + " " + Names.legalForm(o.country().alpha3()) : o.name());
                    String euro = String.format(Locale.ROOT, "%.2f", 50_000 + random.nextDouble() * 1_500_000);
                    t.row(project, acronym, o.pic(), o.country().cordis() + "SYN" + o.pic(), name, "",
                          o.firm() ? (o.size() < 0.01 ? "True" : "False") : "False", activity, "1 Synthetic Street",
                          "0000", "Synthetic City", o.country().cordis(), "", "", "", "", "2024-01-01 00:00:00",
                          Long.toString(2_000_000L + p * 10L + order), order, order == 1 ? "coordinator" : "participant",
                          euro, euro, euro, "False", "");
                    order++;
                }
                ChainModel chain = world.chains.get(random.nextInt(world.chains.size()));
                int k = random.nextInt(6);
                topics.add(new String[] {project, String.format("HORIZON-SYN-%02d-%02d", chain.number, k),
                    "Synthetic call topic: " + chain.domain.cores().get(k) + " for resilient " + chain.domain.name()});
            }
            rows = t.rows();
        }
        try (Table t = Table.csv(dir.resolve("project-topics.csv"), List.of("projectID", "topic", "title"))) {
            for (String[] r : topics) t.row((Object[]) r);
            rows += t.rows();
        }
        return rows;
    }

    private CordisFiles() {}
}
