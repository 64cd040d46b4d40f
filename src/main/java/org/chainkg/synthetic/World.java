package org.chainkg.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The invented world behind one generated data set: countries, firms and research organisations with heavy-tailed
 * sizes, and the industrial chains. Every source writer draws from the same world, so that a firm that supplies a
 * chain (ETO provider) also patents (PatentsView assignee), publishes (OpenAlex company institution) and takes part
 * in EU projects (CORDIS PRC participant) under spellings of one name, and labs co-publish with firms.
 */
final class World {
    /** A country: ISO alpha-3 (ETO), alpha-2 (OpenAlex), CORDIS's code (UK, EL), weight as a home of organisations. */
    record Country(String alpha3, String alpha2, String cordis, double weight, boolean european) {}

    /** An organisation. {@code kind}: "firm", or for labs "university", "institute", "laboratory". */
    record Org(int index, String name, String kind, Country country, double size, long pic, String ror,
               long openalexId, String assigneeId) {
        boolean firm() { return kind.equals("firm"); }
    }

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

    final double scale;
    final long seed;
    final List<Org> firms = new ArrayList<>();
    final List<Org> labs = new ArrayList<>();
    final List<ChainModel> chains = new ArrayList<>();
    /** Cumulative size weights of firms and labs, for heavy-tailed draws of who holds an output. */
    final double[] firmWeights;
    final double[] labWeights;
    final double[] europeanWeights;

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
        firmWeights = Sampler.cumulative(firmSize);
        labWeights = Sampler.cumulative(labSize);
        europeanWeights = Sampler.cumulative(firms.stream().mapToDouble(f -> f.country().european() ? f.size() : f.size() * 0.05).toArray());
        int nChains = Math.max(2, (int) Math.round(5 * scale));
        for (int i = 0; i < nChains; i++)
            chains.add(new ChainModel(i + 1, ChainModel.DOMAINS.get(i % ChainModel.DOMAINS.size()), this, new Sampler(seed * 31 + i)));
    }

    /** A ROR-shaped id ("0" + six base-36 characters + two digits), marked by its "zz" start as not a real one. */
    private static String ror(int i) {
        String b36 = Long.toString(i, 36);
        return "0zz" + "0000".substring(Math.min(4, b36.length())) + b36 + String.format("%02d", i % 97);
    }

    Org firm(Sampler random) { return firms.get(random.weighted(firmWeights)); }

    Org lab(Sampler random) { return labs.get(random.weighted(labWeights)); }

    Org europeanFirm(Sampler random) { return firms.get(random.weighted(europeanWeights)); }
}
