package org.chainkg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.match.CurrentMatcher;

/**
 * Puts the workbench's pages on a server: {@code /} (start), {@code /chain}, {@code /item}, {@code /country/C},
 * {@code /provenance}, {@code /sparql}, {@code /queries}, {@code /org}, {@code /search}, {@code /match}, the fragments
 * {@code /fragment/labs}, {@code /fragment/search} and {@code /fragment/changes}, and the files under {@code /webjars/},
 * {@code /static/} and {@code /sparql-console/} (the Fuseki console, moved there from {@code /}).
 */
public final class Workbench {
    private Workbench() {}

    /**
     * Adds the pages and files to {@code b}. {@code admission}, when not null, is the server's limit on requests that
     * run at once: every page that runs named queries or the matcher passes it, as the dataset's requests do (the
     * start page's two small look-ups and the static files do not).
     */
    public static FusekiServer.Builder addTo(FusekiServer.Builder b, DatasetGraph dsg, long timeoutMillis, CurrentMatcher matcher,
                                             boolean allowUpdate, jakarta.servlet.Filter admission) {
        Tables tables = new Tables(dsg, timeoutMillis);
        java.util.Map<String, Page> querying = new java.util.LinkedHashMap<>();
        querying.put("/chain", new ChainMapPage(tables));
        querying.put("/item", new ItemPage(tables));
        querying.put("/country/*", new CountryPage(tables));
        querying.put("/provenance", new ProvenancePage(tables));
        querying.put("/sparql", new SparqlPage(tables));
        querying.put("/queries/*", new QueriesPage(tables));
        querying.put("/org", new OrganisationPage(tables));
        querying.put("/search", new SearchPage(tables, false));
        querying.put("/match", new MatchPage(tables, matcher));
        querying.put("/fragment/labs", new LabsFragment(tables, matcher));
        querying.put("/fragment/search", new SearchPage(tables, true));
        querying.put("/fragment/changes", new ChangesFragment(tables));
        querying.forEach((path, page) -> {
            b.addServlet(path, page);
            if (admission != null) b.addFilter(path, admission);
        });
        return b.addServlet("", new HomePage(tables))
                .addServlet("/webjars/*", new StaticFiles("META-INF/resources/webjars/", null))
                .addServlet("/static/*", new StaticFiles("org/chainkg/web/static/", null))
                .addServlet("/sparql-console/*", new StaticFiles("webapp/", "index.html"))
                .addServlet("/$/datasets/*", new ConsoleDatasets(allowUpdate));
    }
}
