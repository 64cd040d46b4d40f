package org.chainkg.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invented world behind one generated data set: countries, firms and research organisations with heavy-tailed
 * sizes, and the industrial chains. Every source writer draws from the same world, so that a firm that supplies a
 * chain (ETO provider) also patents (PatentsView assignee), publishes (OpenAlex company institution) and takes part
 * in EU projects (CORDIS PRC participant) under spellings of one name, and labs co-publish with firms.
 * <p>
 * Technology islands: each domain's emerging technologies ({@link Domain#emerging()}) are assigned to countries
 * ({@link Island}): two of them to CHN, the others to one of {@link #ISLAND_COUNTRIES}. The chains make a few of
 * their items islands of these technologies ({@link ChainModel#islands}): the country holds no share of 5 % or
 * more of such an item, none of its firms supplies it or holds, co-owns or co-authors a patent or paper on it, and
 * its research organisations do hold outputs on it ({@link #islandOutputs}). Every island country has at least
 * {@link #MIN_ISLAND_LABS} research organisations.
 */
final class World {
    /** A country: ISO alpha-3 (ETO), alpha-2 (OpenAlex), CORDIS's code (UK, EL), weight as a home of organisations. */
    record Country(String alpha3, String alpha2, String cordis, double weight, boolean european) {}

    /** An organisation. {@code kind}: "firm", or for labs "university", "institute", "laboratory". */
    record Org(int index, String name, String kind, Country country, double size, long pic, String ror,
               long openalexId, String assigneeId) {
        boolean firm() { return kind.equals("firm"); }
    }

    /** A technology whose items are islands for the country: its labs research it, its firms leave it alone. */
    record Island(Domain.Emerging technology, Country country) {}

    /** An output written on purpose for an island: the item, its holders (a lab of the country first), its year. */
    record IslandOutput(ChainModel chain, ChainModel.Item item, List<Org> holders, int year) {}

    static final List<Country> COUNTRIES = List.of(
        new Country("USA", "US", "US", 20, false), new Country("CHN", "CN", "CN", 14, false),
        new Country("JPN", "JP", "JP", 12, false), new Country("KOR", "KR", "KR", 7, false),
        new Country("TWN", "TW", "TW", 7, false), new Country("DEU", "DE", "DE", 8, true),
        new Country("NLD", "NL", "NL", 4, true), new Country("FRA", "FR", "FR", 4, true),
        new Country("GBR", "GB", "UK", 4, true), new Country("ISR", "IL", "IL", 2, false),
        new Country("SGP", "SG", "SG", 2, false), new Country("CHE", "CH", "CH", 2, true),
        new Country("ITA", "IT", "IT", 2, true), new Country("SWE", "SE", "SE", 1.5, true),
        new Country("BEL", "BE", "BE", 1.5, true), new Country("AUT", "AT", "AT", 1.5, true),
        new Country("IRL", "IE", "IE", 1, true), new Country("FIN", "FI", "FI", 1, true),
        new Country("ESP", "ES", "ES", 1.5, true), new Country("IND", "IN", "IN", 2, false),
        new Country("MYS", "MY", "MY", 1, false), new Country("CAN", "CA", "CA", 1.5, false),
        new Country("GRC", "GR", "EL", 0.5, true));

    /** The countries that get technology islands; CHN (the named queries' default country) in every domain. */
    static final List<String> ISLAND_COUNTRIES = List.of("CHN", "USA", "JPN", "DEU", "KOR");
    static final int MIN_ISLAND_LABS = 2;

    final double scale;
    final long seed;
    final List<Org> firms = new ArrayList<>();
    final List<Org> labs = new ArrayList<>();
    final List<ChainModel> chains = new ArrayList<>();
    /** Cumulative size weights of firms and labs, for heavy-tailed draws of who holds an output. */
    final double[] firmWeights;
    final double[] labWeights;
    final double[] europeanWeights;
    /** The islands of each domain, by domain name: the first two for CHN. */
    final Map<String, List<Island>> islands = new LinkedHashMap<>();
    private final Map<Country, List<Org>> labsByCountry = new LinkedHashMap<>();
    private final Map<Country, double[]> labWeightsByCountry = new LinkedHashMap<>();

    World(double scale, long seed) {
        this.scale = scale;
        this.seed = seed;
        Sampler random = new Sampler(seed);
        Names names = new Names(random);
        double[] countryWeights = Sampler.cumulative(COUNTRIES.stream().mapToDouble(Country::weight).toArray());
        int nFirms = Math.max(40, (int) Math.round(1200 * scale));
        int nLabs = Math.max(30, (int) Math.round(800 * scale));
        // Sizes: Zipf over ranks with exponent 1.1 (a few giants, a long tail of small organisations).
        double[] firmSize = Sampler.zipf(nFirms, 1.1);
        double[] labSize = Sampler.zipf(nLabs, 1.0);
        for (int i = 0; i < nFirms; i++) {
            Country c = COUNTRIES.get(random.weighted(countryWeights));
            firms.add(new Org(i, names.firm(), "firm", c, firmSize[i], 910_000_000L + i, null,
                              4_400_000_000L + i, String.format("syn-assignee-f%06d", i)));
        }
        for (int i = 0; i < nLabs; i++) {
            Country c = COUNTRIES.get(random.weighted(countryWeights));
            int k = random.nextInt(10);
            int kind = k < 5 ? 0 : k < 7 ? 1 : k < 9 ? 2 : 3;
            String kindName = kind <= 1 ? "university" : kind == 2 ? "institute" : "laboratory";
            labs.add(new Org(nFirms + i, names.lab(kind), kindName, c, labSize[i], 920_000_000L + i, ror(i),
                             4_500_000_000L + i, String.format("syn-assignee-l%06d", i)));
        }
        ensureIslandLabs();
        for (Org l : labs) labsByCountry.computeIfAbsent(l.country(), k -> new ArrayList<>()).add(l);
        labsByCountry.forEach((c, l) -> labWeightsByCountry.put(c, Sampler.cumulative(l.stream().mapToDouble(Org::size).toArray())));
        for (Domain d : ChainModel.DOMAINS) {
            List<Domain.Emerging> technologies = new ArrayList<>(d.emerging());
            random.shuffle(technologies);
            List<Island> l = new ArrayList<>();
            for (int k = 0; k < technologies.size(); k++)
                l.add(new Island(technologies.get(k), country(k < 2 ? "CHN" : random.pick(ISLAND_COUNTRIES.subList(1, ISLAND_COUNTRIES.size())))));
            islands.put(d.name(), List.copyOf(l));
        }
        firmWeights = Sampler.cumulative(firmSize);
        labWeights = Sampler.cumulative(labSize);
        europeanWeights = Sampler.cumulative(firms.stream().mapToDouble(f -> f.country().european() ? f.size() : f.size() * 0.05).toArray());
        int nChains = Math.max(2, (int) Math.round(5 * scale));
        for (int i = 0; i < nChains; i++)
            chains.add(new ChainModel(i + 1, ChainModel.DOMAINS.get(i % ChainModel.DOMAINS.size()), this, new Sampler(seed * 31 + i)));
    }

    /**
     * Gives every island country at least {@link #MIN_ISLAND_LABS} research organisations: the smallest labs of other
     * countries (from the end of the size ranking) move there when a small world drew too few.
     */
    private void ensureIslandLabs() {
        for (String a3 : ISLAND_COUNTRIES) {
            Country c = country(a3);
            for (int i = labs.size() - 1; i >= 0 && labCount(c) < MIN_ISLAND_LABS; i--) {
                Org l = labs.get(i);
                boolean spare = !ISLAND_COUNTRIES.contains(l.country().alpha3()) || labCount(l.country()) > MIN_ISLAND_LABS;
                if (!l.country().equals(c) && spare)
                    labs.set(i, new Org(l.index(), l.name(), l.kind(), c, l.size(), l.pic(), l.ror(), l.openalexId(), l.assigneeId()));
            }
        }
    }

    private long labCount(Country c) {
        return labs.stream().filter(l -> l.country().equals(c)).count();
    }

    static Country country(String alpha3) {
        return COUNTRIES.stream().filter(c -> c.alpha3().equals(alpha3)).findFirst().orElseThrow();
    }

    /** A ROR-shaped id ("0" + six base-36 characters + two digits), marked by its "zz" start as not a real one. */
    private static String ror(int i) {
        String b36 = Long.toString(i, 36);
        return "0zz" + "0000".substring(Math.min(4, b36.length())) + b36 + String.format("%02d", i % 97);
    }

    Org firm(Sampler random) { return firms.get(random.weighted(firmWeights)); }

    /** A firm drawn by size whose country is not {@code not} (any firm when {@code not} is null). */
    Org firm(Sampler random, Country not) {
        for (int tries = 0; tries < 1000; tries++) {
            Org f = firm(random);
            if (!f.country().equals(not)) return f;
        }
        return firms.stream().filter(f -> !f.country().equals(not)).findFirst().orElseThrow();
    }

    Org lab(Sampler random) { return labs.get(random.weighted(labWeights)); }

    /** A research organisation of the country, drawn by size. */
    Org lab(Country c, Sampler random) {
        return labsByCountry.get(c).get(random.weighted(labWeightsByCountry.get(c)));
    }

    /**
     * The outputs that make each island item of each chain an island: {@code min} to {@code max} per item, held by a
     * research organisation of the island's country (drawn by size), sometimes with a second lab of any country or
     * a firm of another country; years {@code from} to 2024, the first one of each item at most 2015 (so that some
     * are older than the islands queries' citation lag in any year from 2022 on).
     */
    List<IslandOutput> islandOutputs(Sampler random, int min, int max, int from, double labChance, double firmChance) {
        List<IslandOutput> out = new ArrayList<>();
        for (ChainModel chain : chains)
            for (Map.Entry<String, Country> e : chain.islands.entrySet()) {
                ChainModel.Item item = chain.item(e.getKey());
                for (int k = 0, n = random.between(min, max); k < n; k++) {
                    List<Org> holders = new ArrayList<>();
                    holders.add(lab(e.getValue(), random));
                    if (random.chance(labChance)) {
                        Org other = lab(random);
                        if (!holders.contains(other)) holders.add(other);
                    }
                    if (random.chance(firmChance)) holders.add(firm(random, e.getValue()));
                    int year = random.between(from, k == 0 ? 2015 : 2024);
                    out.add(new IslandOutput(chain, item, List.copyOf(holders), year));
                }
            }
        return out;
    }

    Org europeanFirm(Sampler random) { return firms.get(random.weighted(europeanWeights)); }
}
