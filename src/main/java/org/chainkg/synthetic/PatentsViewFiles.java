package org.chainkg.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic granted patents as the four PatentsView bulk tables. Assignees are drawn by size (heavy tail): mostly
 * firms, some labs, some lab and firm together (co-assignment), a few individuals. The first CPC group is a group
 * the mapping table maps the patent's item to, or a narrower group under it; others are additional, some unrelated.
 * No firm of an island item's country holds a patent on it; after the drawn patents come two or three patents per
 * island item held by a research organisation of that country ({@link World#islandOutputs}).
 */
final class PatentsViewFiles {
    static long write(World world, Path dir, Sampler random) {
        int n = Math.max(300, (int) Math.round(15_000 * world.scale));
        Texts texts = new Texts(random);
        List<World.IslandOutput> islands = world.islandOutputs(random, 2, 3, 2010, 0.15, 0.08);
        long rows = 0;
        try (Table patents = Table.tsv(dir.resolve("g_patent.tsv"), List.of("patent_id", "patent_type", "patent_date",
                 "patent_title", "wipo_kind", "num_claims", "withdrawn", "filename"));
             Table abstracts = Table.tsv(dir.resolve("g_patent_abstract.tsv"), List.of("patent_id", "patent_abstract"));
             Table assignees = Table.tsv(dir.resolve("g_assignee_disambiguated.tsv"), List.of("patent_id", "assignee_sequence",
                 "assignee_id", "disambig_assignee_individual_name_first", "disambig_assignee_individual_name_last",
                 "disambig_assignee_organization", "assignee_type", "location_id"));
             Table cpc = Table.tsv(dir.resolve("g_cpc_current.tsv"), List.of("patent_id", "cpc_sequence", "cpc_section",
                 "cpc_class", "cpc_subclass", "cpc_group", "cpc_type", "cpc_symbol_position"))) {
            for (int i = 0; i < n + islands.size(); i++) {
                String id = Long.toString(11_000_000L + i);
                World.IslandOutput island = i < n ? null : islands.get(i - n);
                ChainModel chain = island != null ? island.chain() : world.chains.get(random.nextInt(world.chains.size()));
                ChainModel.Item item = island != null ? island.item() : chain.outputItem(random);
                World.Country notFirmsOf = chain.islandCountry(item);
                int year = island != null ? island.year() : 2010 + random.nextInt(15);
                String date = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                patents.row(id, "utility", date, texts.patentTitle(item), random.chance(0.9) ? "B2" : "B1",
                            random.between(5, 40), "0", "ipg-synthetic.xml");
                abstracts.row(id, texts.abstractText(item, chain.domain));
                int seq = 0;
                List<World.Org> holders = new ArrayList<>();
                if (island != null) {
                    holders.addAll(island.holders());
                } else {
                    int who = random.nextInt(100);
                    if (who < 70) holders.add(world.firm(random, notFirmsOf));
                    else if (who < 90) holders.add(world.lab(random));
                    else if (who < 97) { holders.add(world.lab(random)); holders.add(world.firm(random, notFirmsOf)); }
                }
                for (World.Org o : holders)
                    assignees.row(id, seq++, o.assigneeId(), "", "", spelling(o, random), o.firm() ? "2" : "3", "syn-location-" + o.country().alpha3());
                if (holders.isEmpty())
                    assignees.row(id, seq, "syn-assignee-person-" + i, "Alex", "Inventor" + (i % 1000), "", "4", "syn-location-USA");
                int position = 0;
                List<String> groups = new ArrayList<>();
                groups.add(narrower(random.pick(item.cpc()), random));
                if (random.chance(0.5)) groups.add(random.pick(chain.domain.cpc()));
                if (random.chance(0.3)) groups.add(random.pick(Domain.NOISE_CPC));
                for (String g : groups.stream().distinct().toList()) {
                    String compact = g.replace(" ", "");
                    cpc.row(id, position, g.substring(0, 1), g.substring(0, 3), g.substring(0, 4), compact,
                            position == 0 ? "inventional" : "additional", position == 0 ? "F" : "L");
                    position++;
                }
            }
            rows = patents.rows() + abstracts.rows() + assignees.rows() + cpc.rows();
        }
        return rows;
    }

    /** The mapped group itself, or (two times in three) a narrower group that lies under it by notation. */
    static String narrower(String group, Sampler random) {
        if (random.chance(0.34)) return group;
        int slash = group.indexOf('/');
        String digits = group.substring(slash + 1);
        String sub = digits.equals("00") ? String.format("%02d", 2 + 2 * random.nextInt(40)) : digits + (1 + random.nextInt(9));
        return group.substring(0, slash + 1) + sub;
    }

    /** How PatentsView spells an organisation: the legal name, often upper case. */
    private static String spelling(World.Org o, Sampler random) {
        String name = o.firm() ? o.name() + " " + Names.legalForm(o.country().alpha3()) : o.name();
        return random.chance(0.5) ? Names.upper(name) : name;
    }

    private PatentsViewFiles() {}
}
