package org.chainkg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.chainkg.match.CurrentMatcher;

/**
 * Puts the workbench's pages on a server: {@code /} (start), {@code /chain}, {@code /item}, {@code /country/C},
 * {@code /provenance}, {@code /sparql}, {@code /queries}, {@code /org}, {@code /search}, {@code /match}, the fragments
 * {@code /fragment/labs} and {@code /fragment/search}, and the files under {@code /webjars/},
 * {@code /static/} and {@code /sparql-console/} (the Fuseki console, moved there from {@code /}).
 */
public final class Workbench {
    private Workbench() {}

    /** The paths whose pages run queries or the matcher (the server's admission limit applies to them). */
    public static final java.util.List<String> QUERYING_PATHS = java.util.List.of("/chain", "/item", "/country/*", "/provenance",
        "/sparql", "/queries/*", "/org", "/search", "/match", "/fragment/*");

    public static FusekiServer.Builder addTo(FusekiServer.Builder b, DatasetGraph dsg, long timeoutMillis, CurrentMatcher matcher,
                                             boolean allowUpdate) {
        Tables tables = new Tables(dsg, timeoutMillis);
        return b.addServlet("", new HomePage(tables))
                .addServlet("/chain", new ChainMapPage(tables))
                .addServlet("/item", new ItemPage(tables))
                .addServlet("/country/*", new CountryPage(tables))
                .addServlet("/provenance", new ProvenancePage(tables))
                .addServlet("/sparql", new SparqlPage(tables))
                .addServlet("/queries/*", new QueriesPage(tables))
                .addServlet("/fragment/labs", new LabsFragment(tables, matcher))
                .addServlet("/org", new OrganisationPage(tables))
                .addServlet("/search", new SearchPage(tables, false))
                .addServlet("/fragment/search", new SearchPage(tables, true))
                .addServlet("/match", new MatchPage(tables, matcher))
                .addServlet("/webjars/*", new StaticFiles("META-INF/resources/webjars/", null))
                .addServlet("/static/*", new StaticFiles("org/chainkg/web/static/", null))
                .addServlet("/sparql-console/*", new StaticFiles("webapp/", "index.html"))
                .addServlet("/$/datasets/*", new ConsoleDatasets(allowUpdate));
    }
}
