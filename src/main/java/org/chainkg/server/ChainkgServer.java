package org.chainkg.server;

import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The embedded SPARQL server: a thin layer over Fuseki main's {@link FusekiServer} builder. Serves one dataset at
 * {@code /chainkg} (SPARQL query at {@code /chainkg/sparql}, Graph Store Protocol read at {@code /chainkg/get}),
 * read-only unless updates are allowed, on the loopback interface only, with a query timeout, the Fuseki UI,
 * and the named queries at {@code GET /chainkg/q/NAME?key=value}.
 * <pre>
 * FusekiServer server = ChainkgServer.build(dsg, 0, false, 60).start();
 * int port = server.getPort();
 * </pre>
 */
public final class ChainkgServer {
    public static final String DATASET = "/chainkg";

    public static FusekiServer build(DatasetGraph dsg, int port, boolean allowUpdate, long timeoutSeconds) {
        return build(dsg, port, allowUpdate, timeoutSeconds, 0);
    }

    /** What {@code serve} allows by default: two requests running at once per processor ({@link QueryAdmission}). */
    public static int defaultMaxRunning() {
        return QueryAdmission.defaultPermits();
    }

    /**
     * As {@link #build(DatasetGraph, int, boolean, long)}, with at most {@code maxRunning} requests to the dataset
     * running at once (0: no limit); the others wait their turn in arrival order ({@link QueryAdmission}).
     */
    public static FusekiServer build(DatasetGraph dsg, int port, boolean allowUpdate, long timeoutSeconds, int maxRunning) {
        return build(dsg, port, allowUpdate, timeoutSeconds, maxRunning, List.of());
    }

    /**
     * As {@link #build(DatasetGraph, int, boolean, long, int)}, with SERVICE allowed to the endpoints under these
     * URLs only ({@link ServiceAllowList}; none: SERVICE is off). A URL that is not an http(s) endpoint URL:
     * {@link IllegalArgumentException}.
     */
    public static FusekiServer build(DatasetGraph dsg, int port, boolean allowUpdate, long timeoutSeconds, int maxRunning,
                                     List<String> allowedServices) {
        ServiceAllowList services = ServiceAllowList.of(allowedServices);
        // Queries with a deadline can be stopped before the heap runs out (a GROUP_CONCAT over a cross product).
        if (timeoutSeconds > 0) MemoryGuard.start();
        if (timeoutSeconds > 0) {
            dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeoutSeconds * 1000));
            dsg.getContext().set(ARQ.updateTimeout, Long.toString(timeoutSeconds * 1000));
        }
        // SERVICE would let anyone who can reach this server make it call any host and port (SSRF): off unless
        // endpoints are allowed, and then only to them.
        services.install(dsg.getContext());
        // A sort stops at the deadline too, not only between rows.
        org.chainkg.query.StoppableSort.install(dsg);
        FusekiServer.Builder b = FusekiServer.create();
        org.chainkg.match.CurrentMatcher matcher = new org.chainkg.match.CurrentMatcher(dsg, org.chainkg.match.MatchWeights.defaults());
        b.addFilter("/*", new RequestGuard(RequestGuard.DEFAULT_MAX_BODY, services, allowUpdate));
        // The UI shows "add data", "edit" and "manage" whatever the dataset allows: hidden on a read-only server.
        if (!allowUpdate)
            b.addFilter("/*", new ReadOnlyUi());
        // The workbench's pages run the same queries and the matcher: they pass the same admission.
        QueryAdmission admission = null;
        if (maxRunning > 0) {
            admission = new QueryAdmission(maxRunning, timeoutSeconds > 0 ? timeoutSeconds * 1000 : Long.MAX_VALUE);
            b.addFilter(DATASET + "/*", admission);
            // A thread for every request admission lets run or wait: Fuseki's default of 20 queued the rest inside
            // Jetty, where no timeout applies (QueryAdmission).
            b.numServerThreads(4, QueryAdmission.threadsNeeded(maxRunning));
        }
        // The analyst workbench at /, the Fuseki console at /sparql-console/.
        org.chainkg.web.Workbench.addTo(b, dsg, timeoutSeconds * 1000, matcher, allowUpdate, admission);
        return b
            .port(port)
            .loopback(true)
            // The Fuseki UI's server side as FMod_UI sets it up (validators, stats; its files are served by the
            // workbench at /sparql-console/). FMod_UI itself looks for the UI through Fuseki's server-control area
            // (FUSEKI_BASE), which an embedded server does not have.
            .fusekiModules(FusekiModules.empty())
            .addServlet("/$/server", new ActionServerStatus())
            .addServlet("/$/validate/query", new QueryValidator())
            .addServlet("/$/validate/update", new UpdateValidator())
            .addServlet("/$/validate/iri", new IRIValidator())
            .addServlet("/$/validate/langtag", new LangTagValidator())
            .addServlet("/$/validate/data", new DataValidator())
            .enablePing(true)
            .enableStats(true)
            // The query operation with a deadline that stops a query at the timeout, and the SERVICE allow-list.
            .registerOperation(Operation.Query, new ChainkgQueryDataset(timeoutSeconds * 1000, services))
            .add(DATASET, dsg, allowUpdate)
            .addServlet(DATASET + "/q/*", new NamedQueryServlet(dsg, timeoutSeconds * 1000))
            .addServlet(DATASET + "/match", new MatchServlet(matcher))
            .build();
    }

    /**
     * A server for a remote SPARQL store: the named queries at {@code /chainkg/q/NAME} run on the remote query
     * endpoint, and {@code /chainkg/sparql} passes SPARQL protocol queries on to it ({@link SparqlProxyServlet}).
     * Loopback only; nothing is stored here.
     */
    public static FusekiServer buildRemote(String endpoint, int port, long timeoutSeconds) {
        return FusekiServer.create()
            .port(port)
            .loopback(true)
            .fusekiModules(FusekiModules.empty())
            .addFilter("/*", new RequestGuard(RequestGuard.DEFAULT_MAX_BODY))
            .enablePing(true)
            .addServlet(DATASET + "/q/*", new NamedQueryServlet(org.chainkg.query.QueryRunner.remote(endpoint, timeoutSeconds * 1000)))
            .addServlet(DATASET + "/sparql", new SparqlProxyServlet(endpoint, timeoutSeconds))
            .addServlet(DATASET + "/query", new SparqlProxyServlet(endpoint, timeoutSeconds))
            .build();
    }

    private ChainkgServer() {}
}
