package org.chainkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.chainkg.query.NamedQueries;
import org.chainkg.query.QueryRunner;
import org.chainkg.query.ResultFormat;
import org.chainkg.server.ChainkgServer;
import org.chainkg.source.SourceFormats;
import org.chainkg.store.ChainStore;
import org.chainkg.store.SourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser: Debian's chromium driven by Selenium through /usr/bin/chromedriver (never
 * downloaded), against a real server on a free port with the bundled ETO chain and curated mappings. The pages'
 * contract attributes must agree with the named queries row for row. Without the browser the tests are skipped with
 * a message, except when CI=true, where they fail. Screenshots go to target/screenshots/.
 */
class WorkbenchBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String CHAIN = "https://w3id.org/chainkg/id/eto/eto-chip-explorer/chain";
    @TempDir static Path tmp;
    static ChainStore store;
    static FusekiServer server;
    static String base;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI")))
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs chromium and chromium-driver");
        Assumptions.assumeTrue(present, "browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                                        + " (apt-get install chromium chromium-driver)");
        store = ChainStore.open(tmp.resolve("db"));
        SourceLoader loader = new SourceLoader(store.dataset());
        loader.load(SourceFormats.byName("eto"), List.of(Path.of("data/eto-chip-explorer")), null);
        loader.load(SourceFormats.byName("chain-mapping"), List.of(Path.of("data/mappings")), null);
        org.chainkg.pipeline.Pipeline.embedded(store.dataset()).derive();
        server = ChainkgServer.build(store.dataset(), 0, false, 30).start();
        base = "http://localhost:" + server.getPort();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    static Table named(String name, Map<String, String> params) {
        return new Tables(store.dataset(), 60_000).named(name, params);
    }

    static String enc(String s) { return Lang.enc(s); }

    static void open(String path) {
        browser.get(base + path);
    }

    static void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void chainMapOfChinaShowsExactlyTheChokepointsAndStatusOfTheNamedQueries() throws Exception {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN&highlight=country");
        Set<String> shown = browser.findElements(By.cssSelector("[data-item-id][data-chokepoint=true]")).stream()
            .map(e -> e.getAttribute("data-item-id")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = named("chokepoints", Map.of("country", "CHN")).rows().stream().map(r -> r.get("item_id"))
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(59, expected.size());
        assertEquals(expected, shown);
        // Status: held or negligible as country-profile says, absent for every other item.
        Map<String, String> profile = new TreeMap<>();
        named("country-profile", Map.of("country", "CHN")).rows().forEach(r -> profile.put(r.get("item_id"), r.get("status")));
        List<WebElement> items = browser.findElements(By.cssSelector("[data-item-id]"));
        assertEquals(named("chain-map", Map.of("chain", CHAIN)).rows().size(), items.size(), "every item of the chain is on the map");
        for (WebElement e : items)
            assertEquals(profile.getOrDefault(e.getAttribute("data-item-id"), "absent"), e.getAttribute("data-status"), e.getAttribute("data-item-id"));
        screenshot("chain-map-CHN");
    }

    @Test
    void brokenSegmentsMarkTheirMissingResources() {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN&highlight=broken");
        Map<String, Set<String>> expected = new TreeMap<>();
        named("broken-segments", Map.of("country", "CHN")).rows()
            .forEach(r -> expected.computeIfAbsent(r.get("resource_id"), k -> new TreeSet<>()).add(r.get("segment_id")));
        Map<String, Set<String>> shown = new TreeMap<>();
        for (WebElement e : browser.findElements(By.cssSelector("[data-item-id][data-broken-segment]")))
            shown.put(e.getAttribute("data-item-id"), new TreeSet<>(List.of(e.getAttribute("data-broken-segment").split(" "))));
        assertFalse(expected.isEmpty());
        assertEquals(expected, shown);
    }

    @Test
    void whatIfMarksTheItemsCutOffAndTheSegmentsThatBreak() {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN&highlight=whatif&without=NLD,JPN");
        Set<String> expected = new TreeSet<>(), shown = new TreeSet<>();
        named("what-if", Map.of("country", "CHN", "without", "NLD,JPN")).rows().stream()
            .filter(r -> r.get("kind").equals("item") && r.get("cut_off").equals("yes")).forEach(r -> expected.add(r.get("item_id")));
        for (WebElement e : browser.findElements(By.cssSelector("[data-item-id][data-cut-off=true]"))) shown.add(e.getAttribute("data-item-id"));
        assertTrue(shown.containsAll(List.of("N20", "N22")), shown.toString());   // EUV and ArF immersion lithography
        assertEquals(expected, shown);
        assertEquals(String.valueOf(expected.size()), browser.findElement(By.cssSelector("[data-cut-off-count]")).getAttribute("data-cut-off-count"));
        assertFalse(browser.findElements(By.cssSelector("ul.segments li[data-segment-id]")).isEmpty());
    }

    @Test
    void theItemCardShowsItsUpstreamTiersAndItsTrend() {
        open("/item?chain=" + enc(CHAIN) + "&id=N26&country=USA");
        WebElement tree = browser.findElement(By.cssSelector("[data-upstream-tree=N26]"));
        int rows = named("upstream-risk", Map.of("item", "N26", "country", "USA")).rows().size();
        assertTrue(rows > 0);
        assertEquals(rows, tree.findElements(By.cssSelector("tbody tr")).size(), tree.getText());
        assertFalse(browser.findElements(By.cssSelector("svg[data-trend-chart=N26] rect")).isEmpty());
        // the tiers list marks the weakest links (here Crystal growing furnaces N8, DEU 100 %, which the USA does not hold)
        java.util.Set<String> weakest = new TreeSet<>();
        named("upstream-risk", Map.of("item", "N26", "country", "USA")).rows().forEach(r -> { if (!r.get("weakest_link_id").isEmpty()) weakest.add(r.get("weakest_link_id")); });
        java.util.Set<String> marked = new TreeSet<>();
        browser.findElements(By.cssSelector("[data-upstream-tiers=N26] [data-weakest=true]")).forEach(e -> marked.add(e.getAttribute("data-element-id")));
        assertEquals(weakest, marked);
        assertTrue(marked.contains("N8"), marked.toString());
    }

    @Test
    void theCountryPageLoadsItsReleaseChangesPanel() {
        open("/country/CHN");
        // this store holds one undated ETO load: the panel says so (the release-changes query's Empty: note)
        WebElement note = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#changes p.note")));
        assertTrue(note.getText().contains("no release of dataset 'eto-chip-explorer' is loaded"), note.getText());
    }

    @Test
    void firmHighlightShowsTheItemsTheFirmSuppliesWithItsShare() {
        open("/chain?chain=" + enc(CHAIN) + "&highlight=firm&firm=P88");
        Map<String, String> shown = new TreeMap<>();
        for (WebElement e : browser.findElements(By.cssSelector("[data-item-id] [data-firm-share]")))
            shown.put(e.findElement(By.xpath("./ancestor::a[@data-item-id]")).getAttribute("data-item-id"), e.getAttribute("data-firm-share"));
        // ASML's provision rows in providers-of, item by item (N20 EUV lithography tools: 100 %).
        Map<String, String> expected = new TreeMap<>();
        for (Map<String, String> item : named("chain-map", Map.of("chain", CHAIN)).rows())
            for (Map<String, String> r : named("providers-of", Map.of("item", item.get("item_id"))).rows())
                if (r.get("provider_id").equals("P88"))
                    expected.put(item.get("item_id"), r.get("share").isEmpty() ? "" : Lang.en().number(r.get("share"), 1));
        assertFalse(expected.isEmpty());
        assertEquals(expected, shown);
        assertEquals("100", shown.get("N20"));
    }

    @Test
    void euvToolsOpenTheirCardWithNetherlands100PercentAndItsSourceRow() throws Exception {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN");
        browser.findElement(By.cssSelector("a[data-item-id=N20]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item-card=N20]")));
        WebElement nld = browser.findElement(By.cssSelector("li[data-provider-id=NLD]"));
        assertTrue(nld.getText().contains("100 %"), nld.getText());
        Map<String, String> row = named("providers-of", Map.of("item", "N20")).rows().stream()
            .filter(r -> r.get("provider_id").equals("NLD")).findFirst().orElseThrow();
        assertEquals(row.get("source_line"), nld.getAttribute("data-source-line"));
        screenshot("item-N20");
        nld.findElement(By.cssSelector("a.share")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-source-file]")));
        assertEquals("provision.csv", browser.findElement(By.cssSelector("[data-source-file]")).getAttribute("data-source-file"));
        assertEquals(row.get("source_line"), browser.findElement(By.cssSelector("[data-source-line]")).getText());
        // The SHA-256 shown is the file's.
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("data/eto-chip-explorer/provision.csv"))));
        assertEquals(sha, browser.findElement(By.cssSelector("[data-sha256]")).getText());
        // The line really is that row of provision.csv: NLD's 100 % for EUV lithography tools.
        String line = Files.readAllLines(Path.of("data/eto-chip-explorer/provision.csv")).get(Integer.parseInt(row.get("source_line")) - 1);
        assertTrue(line.contains("N20") && line.contains("100"), line);
    }

    @Test
    void languageSwitchesToChineseAndBackAndIsKeptAcrossPages() {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN");
        browser.findElement(By.cssSelector("[data-lang-switch]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "zh-Hans".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(browser.findElement(By.tagName("nav")).getText().contains("产业链图"));
        String n20 = browser.findElement(By.cssSelector("a[data-item-id=N20] .name")).getText();
        assertTrue(n20.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), n20);
        // The item link keeps the language.
        browser.findElement(By.cssSelector("a[data-item-id=N20]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item-card=N20]")));
        assertEquals("zh-Hans", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.cssSelector("[data-lang-switch]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("EUV lithography tools"));
    }

    @Test
    void csvDownloadOfTheCountryPageEqualsTheCommandLinesCsv() throws Exception {
        open("/country/CHN");
        String href = browser.findElement(By.cssSelector("#chokepoints a[data-download=csv]")).getAttribute("href");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        // query chokepoints --format csv writes the same bytes (ResultFormat.CSV over the same query and parameters).
        var q = NamedQueries.get("chokepoints");
        ByteArrayOutputStream cli = new ByteArrayOutputStream();
        new QueryRunner(store.dataset(), 60_000).select(q.query(), q.bind(Map.of("country", "CHN")), rows -> ResultFormat.CSV.write(rows, cli));
        assertEquals(cli.toString(StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(60, new String(r.body(), StandardCharsets.UTF_8).lines().count(), "header and 59 chokepoints");
        screenshot("country-CHN");
        // "Show the SPARQL" gives the query with CHN written in, runnable as is on the endpoint.
        browser.findElement(By.cssSelector("#chokepoints a[data-show-sparql]")).click();
        String sparql = new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(d -> d.findElement(By.cssSelector("textarea[data-sparql=chokepoints]"))).getAttribute("value");
        assertTrue(sparql.contains("\"CHN\""), sparql);
        HttpResponse<String> run = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/chainkg/sparql?format=csv&query=" + enc(sparql))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(60, run.body().lines().count());
    }

    @Test
    void theKeyboardAloneOpensAnItemAndEscapeClosesItsCard() {
        open("/chain?chain=" + enc(CHAIN) + "&country=CHN");
        WebElement n20 = browser.findElement(By.cssSelector("a[data-item-id=N20]"));
        // Tab until the focus is on N20 (links in document order), then Enter; Esc leads back to the map.
        Actions keys = new Actions(browser);
        for (int i = 0; i < 400 && !n20.equals(browser.switchTo().activeElement()); i++) keys.sendKeys(Keys.TAB).perform();
        assertEquals(n20, browser.switchTo().activeElement(), "N20 is reachable with Tab");
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item-card=N20]")));
        keys.sendKeys(Keys.ESCAPE).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/chain?"));
    }

    @Test
    void queriesPageRunsAFormAndSearchSuggestsAsOneTypes() {
        // The queries page: one form per named query; running chokepoints for CHN gives its 59 rows.
        open("/queries");
        assertEquals(NamedQueries.all().size(), browser.findElements(By.cssSelector("section.query form")).size());
        WebElement form = browser.findElement(By.cssSelector("#chokepoints form"));
        WebElement country = form.findElement(By.name("country"));
        country.clear();
        country.sendKeys("CHN");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/queries/chokepoints"));
        assertEquals(59, browser.findElements(By.cssSelector("table.sortable tbody tr")).size());
        // Sorting by a column reorders the rows (numbers as numbers).
        browser.findElement(By.cssSelector("button.sort[data-column=hhi]")).click();
        List<Double> hhi = browser.findElements(By.cssSelector("table.sortable tbody tr td:nth-child(3)")).stream()
            .map(e -> Double.parseDouble(e.getText())).toList();
        assertEquals(hhi.stream().sorted().toList(), hhi);
        // Search: typing "EUV" suggests EUV lithography tools, which leads to its card.
        open("/search");
        browser.findElement(By.id("search-q")).sendKeys("EUV");
        WebElement hit = new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#suggestions a[data-hit=N20]")));
        hit.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item-card=N20]")));
        // In Chinese: 极紫外光刻机 (N20's name in eto-items-zh.csv) is found by its words (smartcn segmentation).
        open("/search?q=" + enc("极紫外光刻") + "&lang=zh");
        assertFalse(browser.findElements(By.cssSelector("ul.hits a[data-hit=N20]")).isEmpty(), browser.findElement(By.tagName("main")).getText());
    }

    @Test
    void theSparqlConsoleWorksFromItsNewPlace() {
        // The Fuseki console builds its server URLs on its own location: /sparql-console/$/... and
        // /sparql-console/chainkg/... are redirected to the server's, so it lists the dataset and runs a query.
        open("/sparql-console/#/dataset/chainkg/query?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").replace("+", "%20"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getText().contains("/chainkg"));
        open("/sparql-console/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getText().contains("/chainkg"));
    }

    @Test
    void organisationAndMatchPages() {
        open("/org?id=ASML");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("ASML"));
        assertFalse(browser.findElements(By.cssSelector("#sec-identity")).isEmpty());
        // In Chinese, a name without a Chinese label shows the source name with a visible marker.
        open("/org?id=ASML&lang=zh");
        assertTrue(browser.findElement(By.cssSelector("h1 .fallback")).getText().contains("[EN]"));
        open("/match?item=N20&country=USA&kind=firm");
        List<WebElement> rows = browser.findElements(By.cssSelector("table[data-match=item] tbody tr"));
        assertFalse(rows.isEmpty());
        assertTrue(browser.findElement(By.cssSelector("p.note")).getText().contains("firms"), browser.findElement(By.cssSelector("p.note")).getText());
    }

    @Test
    void everyPageHasNoWcagAOrAaViolation() throws Exception {
        String axe;
        try (var in = WorkbenchBrowserTest.class.getClassLoader().getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String item = "/item?chain=" + enc(CHAIN) + "&id=N20";
        for (String page : List.of("/", "/chain?chain=" + enc(CHAIN) + "&country=CHN", "/chain?chain=" + enc(CHAIN),
                                   "/chain?chain=" + enc(CHAIN) + "&country=CHN&highlight=broken",
                                   "/chain?chain=" + enc(CHAIN) + "&country=CHN&highlight=whatif&without=NLD,JPN", item, item + "&lang=zh", "/country/CHN",
                                   "/provenance?chain=" + enc(CHAIN) + "&item=N20&line=565", "/sparql?q=chokepoints&country=CHN",
                                   "/chain?country=ZZZ", "/queries", "/queries/chokepoints?country=CHN", "/search?q=lithography",
                                   "/org?id=ASML", "/match", "/match?item=N20&country=USA&kind=firm", "/queries?lang=zh",
                                   "/chain?chain=" + enc(CHAIN) + "&highlight=firm&firm=ASML")) {
            open(page);
            ((JavascriptExecutor) browser).executeScript(axe);
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. '"
                + " + v.nodes[0].target.join(' ') + ')'; })); }, function (e) { done(['axe failed: ' + e]); });");
            assertEquals(List.of(), result, page);
        }
    }
}
