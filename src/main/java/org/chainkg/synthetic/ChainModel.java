package org.chainkg.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One invented industrial chain in the shape of the ETO dataset: three stages, final outputs, and items several
 * tiers deep (each tier goes into the one above; some items have sub-kinds), with provision rows whose country
 * shares are concentrated (one to three countries hold most), diffuse (many small shares), partly unknown, or a
 * single country with no figure; firm rows drawn from the world's firms by size; and residue rows.
 * <p>
 * A few tool and material items (about {@value #ISLAND_FRACTION} of the items, at least three, one of them for CHN)
 * are technology islands ({@link #islands}): they are named after and mapped only to one of the domain's emerging
 * technologies ({@link World.Island}), and the island's country holds no share of 5 % or more of them (it is not
 * listed, or listed below 5 %) and none of its firms is among their providers. The output writers keep the
 * country's firms off their patents and papers and add outputs of its research organisations on them.
 */
final class ChainModel {
    static final List<Domain> DOMAINS = Domain.ALL;
    /** The share of items made technology islands (at least three per chain). */
    static final double ISLAND_FRACTION = 0.03;
    /** A country's share on an island item, when listed at all, stays below this (the queries' default home). */
    static final double ISLAND_SHARE_BELOW = 5;

    record Item(String id, String name, String type, String stageId, int tier, String description, int year, List<String> cpc) {}
    record Provider(String id, String name, String alias, String type, String country) {}
    record Provision(String providerId, String itemId, String share, int year) {}

    final int number;
    final Domain domain;
    final String dataset;
    final List<Item> stages = new ArrayList<>();
    final List<Item> items = new ArrayList<>();
    /** (from, into) "goes into" links and (child, parent) "is a type of" links, by id. */
    final List<String[]> feeds = new ArrayList<>();
    final List<String[]> subtypes = new ArrayList<>();
    final Map<String, Provider> providers = new LinkedHashMap<>();
    /** Extra provider rows that repeat a provider with another alias (the ETO quirk). */
    final List<Provider> aliasRows = new ArrayList<>();
    final List<Provision> provisions = new ArrayList<>();
    /** Island items (item id to the country whose firms do not take them up), in the order chosen. */
    final Map<String, World.Country> islands = new LinkedHashMap<>();
    /** Items that patents and papers are about (not stages), with weights favouring tools and materials. */
    final double[] itemWeights;

    private final Sampler random;
    private final World world;
    private final Map<World.Org, String> firmIds = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    ChainModel(int number, Domain domain, World world, Sampler random) {
        this.number = number;
        this.domain = domain;
        this.world = world;
        this.random = random;
        this.dataset = String.format("synthetic-eto-chain-%02d", number);
        for (int s = 0; s < domain.stages().size(); s++) {
            String name = domain.stages().get(s);
            stages.add(new Item("S" + (s + 1), name, "stage", null, 0, name + " stage of the synthetic "
                + domain.name() + " chain " + number + ".", 2020 + random.nextInt(5), List.of(random.pick(domain.cpc()))));
        }
        buildItems(Math.max(60, (int) Math.round(90 + 40 * Math.min(world.scale, 3))));
        chooseIslands();
        for (World.Country c : World.COUNTRIES)
            providers.put(c.alpha3(), new Provider("P" + (providers.size() + 1), c.alpha3(),
                new Locale("", c.alpha2()).getDisplayCountry(Locale.ENGLISH), "country", ""));
        providers.put("VC", new Provider("P" + (providers.size() + 1), "Various countries", "", "country", ""));
        providers.put("VF", new Provider("P" + (providers.size() + 1), "Various companies", "", "organization", ""));
        for (Item s : stages) provide(s);
        for (Item i : items) provide(i);
        itemWeights = Sampler.cumulative(items.stream().mapToDouble(i -> i.tier() >= 2 ? 3 : 1).toArray());
    }

    private void buildItems(int n) {
        List<List<Item>> tiers = new ArrayList<>();
        int[] perTier = {3, Math.max(6, n / 10), Math.max(12, n / 4), Math.max(15, n / 3)};
        int id = 0;
        for (int t = 0; t < perTier.length; t++) {
            List<Item> tier = new ArrayList<>();
            for (int k = 0; k < perTier[t]; k++) {
                String type = t == 0 ? "ultimate_output" : t == 1 ? (random.chance(0.7) ? "process" : "design_resource")
                    : random.chance(0.55) ? "tool_resource" : "material_resource";
                String name = itemName(type, null);
                String stage = t <= 1 ? stages.get(t == 0 ? stages.size() - 1 : random.nextInt(stages.size())).id() : null;
                Item item = new Item("N" + id, name, type, stage, t, description(name, type), 2019 + random.nextInt(6), cpcGroups(id));
                id++;
                tier.add(item);
                items.add(item);
                if (t > 0) {
                    List<Item> above = tiers.get(t - 1);
                    feeds.add(new String[] {item.id(), random.pick(above).id()});
                    if (random.chance(0.25)) {
                        Item second = random.pick(above);
                        if (!second.id().equals(feeds.get(feeds.size() - 1)[1])) feeds.add(new String[] {item.id(), second.id()});
                    }
                }
            }
            tiers.add(tier);
        }
        // Sub-kinds: some tier-2 and tier-3 items get one to three more specific kinds (a fifth, deepest layer).
        List<Item> parents = new ArrayList<>(tiers.get(2));
        parents.addAll(tiers.get(3));
        for (Item parent : parents) {
            if (!random.chance(0.2)) continue;
            for (int k = random.between(1, 3); k > 0; k--) {
                String name = itemName(parent.type(), null);
                Item sub = new Item("N" + id, name, parent.type(), null, 4, description(name, parent.type()),
                                    parent.year(), cpcGroups(id));
                id++;
                items.add(sub);
                subtypes.add(new String[] {sub.id(), parent.id()});
            }
        }
    }

    /**
     * Turns a few tier-2 and tier-3 items (tools and materials) into technology islands: the first of the domain's
     * CHN islands, then others of the domain's islands. Each keeps its id, place and year, and gets a name with the
     * island technology's modifier and that technology's CPC group as its only mapping.
     */
    private void chooseIslands() {
        List<World.Island> pool = new ArrayList<>(world.islands.get(domain.name()));
        List<World.Island> chn = pool.stream().filter(i -> i.country().alpha3().equals("CHN")).toList();
        World.Island first = random.pick(chn);
        pool.remove(first);
        random.shuffle(pool);
        pool.add(0, first);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (items.get(i).tier() == 2 || items.get(i).tier() == 3) candidates.add(i);
        random.shuffle(candidates);
        int k = Math.min(Math.min(pool.size(), candidates.size()), Math.max(3, (int) Math.round(ISLAND_FRACTION * items.size())));
        for (int j = 0; j < k; j++) {
            World.Island island = pool.get(j);
            Item old = items.get(candidates.get(j));
            String name = itemName(old.type(), island.technology().modifier());
            items.set(candidates.get(j), new Item(old.id(), name, old.type(), old.stageId(), old.tier(), description(name, old.type()),
                                                  old.year(), List.of(island.technology().cpc())));
            islands.put(old.id(), island.country());
        }
    }

    /** A name not used yet in this chain: the modifier (a random one of the domain's when null), a core, a suffix. */
    private String itemName(String type, String modifier) {
        while (true) {
            String core = random.pick(domain.cores());
            String suffix = switch (type) {
                case "tool_resource" -> random.pick(List.of("tools", "equipment", "systems"));
                case "material_resource" -> random.pick(List.of("materials", "precursors", "chemicals"));
                case "process" -> random.pick(List.of("processing", "manufacturing"));
                case "design_resource" -> random.pick(List.of("design software", "process design kits"));
                default -> random.pick(List.of("products", "modules", "devices"));
            };
            String name = (modifier != null ? modifier : random.pick(domain.modifiers())) + " " + core + " " + suffix;
            if (names.add(name)) return name;
        }
    }

    private String description(String name, String type) {
        String what = switch (type) {
            case "tool_resource" -> "Equipment used for";
            case "material_resource" -> "Materials consumed in";
            case "process" -> "A process step of";
            case "design_resource" -> "Design resources for";
            default -> "Final products of";
        };
        return what + " " + name.toLowerCase(Locale.ROOT) + " in the " + domain.name() + " chain, including "
            + random.pick(domain.cores()) + " and " + random.pick(domain.cores()) + ". Synthetic description.";
    }

    /**
     * One to three CPC groups of the item's own, each a subgroup of one of the domain's groups: the domain group's
     * first two subgroup digits and three digits from the chain number and the item number ("G03F 7/70" becomes
     * e.g. "G03F 7/70412"). Curated mappings tie few items to a group (the real one: 343 rows, 126 items, 181 groups);
     * mapping every item straight to one of a dozen domain groups tied each group to every item of every chain of the
     * domain, and the output-to-item relation grew with outputs x chains.
     */
    private List<String> cpcGroups(int itemNumber) {
        List<String> out = new ArrayList<>();
        for (int k = random.between(1, 3); k > 0; k--) {
            String base = random.pick(domain.cpc());
            int slash = base.indexOf('/');
            String g = base.substring(0, slash + 1) + base.substring(slash + 1, slash + 3)
                       + String.format("%03d", Math.floorMod(number * 389 + itemNumber * 7 + k, 1000));
            if (!out.contains(g)) out.add(g);
        }
        return out;
    }

    private void provide(Item item) {
        List<World.Country> countries = new ArrayList<>(World.COUNTRIES);
        shuffleByWeight(countries);
        World.Country island = islands.get(item.id());
        countries.remove(island);
        int firstRow = provisions.size();
        int pattern = random.nextInt(20);
        if (pattern < 7) {            // concentrated: one to three countries hold 60-95 %, the rest is small
            int n = random.between(1, 3);
            double top = 60 + random.nextInt(36);
            double rest = 100 - top;
            countryRow(countries.get(0), item, top);
            for (int k = 1; k < n + 2 && k < countries.size(); k++) {
                double s = k == n + 1 ? rest : rest * random.nextDouble() * 0.6;
                countryRow(countries.get(k), item, s);
                rest -= s;
            }
        } else if (pattern < 14) {    // diffuse: 5-12 countries with shares that sum to at most 100
            int n = random.between(5, 12);
            double[] w = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) sum += w[k] = 0.5 + random.nextDouble();
            for (int k = 0; k < n; k++) countryRow(countries.get(k), item, 95 * w[k] / sum);
            if (random.chance(0.3)) row("VC", item, "5");
        } else if (pattern < 18) {    // partly unknown: some countries listed without a figure
            int n = random.between(2, 6);
            for (int k = 0; k < n; k++)
                if (random.chance(0.5)) countryRow(countries.get(k), item, 10 + random.nextInt(40));
                else row(countries.get(k).alpha3(), item, "");
        } else {                      // one country listed, no figure
            row(countries.get(0).alpha3(), item, "");
        }
        // An island's country: not listed, or listed with a small share (its status then "negligible", not held).
        if (island != null && random.chance(0.4)) {
            double listed = provisions.subList(firstRow, provisions.size()).stream()
                .mapToDouble(p -> p.share().isEmpty() ? 0 : Double.parseDouble(p.share())).sum();
            double small = Math.min(0.5 + random.nextDouble() * (ISLAND_SHARE_BELOW - 1), 100 - listed);
            if (small >= 0.5) countryRow(island, item, small);
        }
        if (random.chance(0.75)) {
            Set<World.Org> chosen = new HashSet<>();
            for (int k = random.between(2, 8); k > 0; k--) {
                World.Org f = world.firm(random, island);
                if (!chosen.add(f)) continue;
                row(firmId(f), item, random.chance(0.2) ? "" : share(1 + random.nextDouble() * 40));
            }
            if (random.chance(0.15)) row("VF", item, share(random.nextDouble() * 20));
        }
    }

    /** Countries in a random order biased towards the heavier ones (so USA, CHN, JPN lead more often). */
    private void shuffleByWeight(List<World.Country> countries) {
        double[] keys = new double[countries.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = Math.pow(random.nextDouble(), 1.0 / countries.get(i).weight());
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(keys[y], keys[x]));
        List<World.Country> sorted = new ArrayList<>();
        for (int i : order) sorted.add(countries.get(i));
        countries.clear();
        countries.addAll(sorted);
    }

    private void countryRow(World.Country c, Item item, double share) {
        row(c.alpha3(), item, share(share));
    }

    private void row(String providerKey, Item item, String share) {
        provisions.add(new Provision(providers.get(providerKey).id(), item.id(), share, item.year()));
    }

    private String firmId(World.Org f) {
        return firmIds.computeIfAbsent(f, k -> {
            String id = "P" + (providers.size() + 1);
            String key = "F" + f.index();
            providers.put(key, new Provider(id, f.name(), f.name() + " " + Names.legalForm(f.country().alpha3()),
                                            "organization", f.country().alpha3()));
            if (random.chance(0.1)) aliasRows.add(new Provider(id, f.name(), Names.upper(f.name()), "organization", f.country().alpha3()));
            return key;
        });
    }

    private static String share(double v) {
        return BigDecimal.valueOf(Math.max(0, Math.min(100, v))).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** The country for which the item is a technology island, or null. */
    World.Country islandCountry(Item item) {
        return islands.get(item.id());
    }

    /** An item that outputs bear on, favouring tools and materials. */
    Item outputItem(Sampler r) {
        return items.get(r.weighted(itemWeights));
    }

    /** The n country providers other than {@code home} with the largest summed known shares (for what-if's without). */
    List<String> topForeignCountries(String home, int n) {
        Map<String, Double> sum = new LinkedHashMap<>();
        Map<String, Provider> byId = new LinkedHashMap<>();
        providers.values().forEach(pr -> byId.put(pr.id(), pr));
        for (Provision p : provisions) {
            Provider pr = byId.get(p.providerId());
            if (pr == null || !pr.type().equals("country") || pr.name().equals(home) || p.share().isEmpty()) continue;
            try {
                sum.merge(pr.name(), Double.parseDouble(p.share()), Double::sum);
            } catch (NumberFormatException e) {
                // not a figure: not ranked
            }
        }
        return sum.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(n).map(Map.Entry::getKey).toList();
    }

    String chainIri() {
        return "https://w3id.org/chainkg/id/eto/" + dataset + "/chain";
    }
}
