package org.chainkg.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.server.ChainkgServer;

/**
 * Server time of the workbench's pages on a store, warm: each page is fetched {@code warmup} times, then {@code runs}
 * times timed (wall clock of the HTTP exchange on loopback, one client). Baseline, measured in the same run: the
 * named-query endpoint {@code /chainkg/q/chokepoints?country=C&format=csv}, the cheapest request that runs one of the
 * queries the pages show. Prints a Markdown table: median and p95 in ms, and the median as a ratio to the baseline's.
 */
public final class PageBenchmark {
    private PageBenchmark() {}

    public static void run(DatasetGraph dsg, String chain, String country, String item, int warmup, int runs, PrintStream out) throws Exception {
        FusekiServer server = ChainkgServer.build(dsg, 0, false, 60).start();
        try {
            String base = "http://localhost:" + server.getPort();
            String c = URLEncoder.encode(chain, StandardCharsets.UTF_8);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("baseline: /chainkg/q/chokepoints (CSV)", "/chainkg/q/chokepoints?country=" + country + "&format=csv");
            pages.put("start page", "/");
            pages.put("chain map, no country", "/chain?chain=" + c);
            pages.put("chain map, country", "/chain?chain=" + c + "&country=" + country);
            pages.put("chain map, broken", "/chain?chain=" + c + "&country=" + country + "&highlight=broken");
            pages.put("chain map, islands", "/chain?chain=" + c + "&country=" + country + "&highlight=islands");
            pages.put("chain map, zh", "/chain?chain=" + c + "&country=" + country + "&lang=zh");
            pages.put("item card", "/item?chain=" + c + "&id=" + item);
            pages.put("country page", "/country/" + country);
            pages.put("show the SPARQL", "/sparql?q=chokepoints&country=" + country);
            pages.put("labs for the item (fragment)", "/fragment/labs?item=" + item + "&country=" + country);
            HttpClient http = HttpClient.newHttpClient();
            double baseline = 0;
            out.println("| page | median ms | p95 ms | median / baseline |");
            out.println("|---|---|---|---|");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + p.getValue())).build();
                for (int i = 0; i < warmup; i++) check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), p.getValue());
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), p.getValue());
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                double median = ms[runs / 2], p95 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
                if (baseline == 0) baseline = median;
                out.printf(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", p.getKey(), median, p95, median / baseline);
            }
        } finally {
            server.stop();
        }
    }

    private static void check(HttpResponse<byte[]> r, String path) {
        if (r.statusCode() != 200) throw new IllegalStateException(path + ": HTTP " + r.statusCode());
    }

    /**
     * {@code java -cp chainkg.jar org.chainkg.bench.PageBenchmark DB [COUNTRY ITEM RUNS]}: the pages of a store;
     * {@code ... PageBenchmark --synthetic SCALE WORKDIR [RUNS]}: generates the synthetic data of that scale, loads and
     * derives it into WORKDIR/db, then measures its first chain with the benchmark's country and item.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || (args[0].equals("--synthetic") && args.length < 3)) {
            System.err.println("usage: PageBenchmark DB [COUNTRY ITEM RUNS]   (e.g. chainkg-db CHN N20 20)\n"
                               + "       PageBenchmark --synthetic SCALE WORKDIR [RUNS]");
            System.exit(2);
        }
        if (args[0].equals("--synthetic")) {
            java.nio.file.Path work = java.nio.file.Path.of(args[2]);
            var m = org.chainkg.synthetic.SyntheticData.generate(Double.parseDouble(args[1]), 42, work.resolve("data"));
            java.nio.file.Path db = work.resolve("db");
            var load = LoadBenchmark.chainkg(m, db);
            double[] derive = LoadBenchmark.derive(db);
            System.out.printf(java.util.Locale.ROOT, "scale %s: %,d source triples loaded in %.1f s, %,d derived in %.1f s%n%n",
                              args[1], load.triples(), load.ms() / 1000, (long) derive[1], derive[0] / 1000);
            String country = m.queryParameters().getOrDefault("chokepoints", Map.of()).getOrDefault("country", "CHN");
            String item = m.queryParameters().getOrDefault("providers-of", Map.of()).getOrDefault("item", "N20");
            args = new String[] {db.toString(), country, item, args.length > 3 ? args[3] : "20"};
        }
        try (org.chainkg.store.ChainStore s = org.chainkg.store.ChainStore.open(java.nio.file.Path.of(args[0]))) {
            List<String> chains = new ArrayList<>();
            org.apache.jena.system.Txn.executeRead(s.dataset(), () -> s.dataset().find(null, null,
                org.apache.jena.vocabulary.RDF.Nodes.type, org.chainkg.rdf.CK.IndustrialChain).forEachRemaining(q -> chains.add(q.getSubject().getURI())));
            if (chains.isEmpty()) throw new IllegalStateException("no chain in " + args[0]);
            java.util.Collections.sort(chains);
            run(s.dataset(), chains.get(0), args.length > 1 ? args[1] : "CHN", args.length > 2 ? args[2] : "N20", 3,
                args.length > 3 ? Integer.parseInt(args[3]) : 20, System.out);
        }
    }
}
