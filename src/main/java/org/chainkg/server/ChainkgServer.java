package org.chainkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
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
        if (timeoutSeconds > 0)
            dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeoutSeconds * 1000));
        return FusekiServer.create()
            .port(port)
            .loopback(true)
            .fusekiModules(FusekiModules.create(FMod_UI.create()))
            .enablePing(true)
            .enableStats(true)
            .add(DATASET, dsg, allowUpdate)
            .addServlet(DATASET + "/q/*", new NamedQueryServlet(dsg, timeoutSeconds * 1000))
            .build();
    }

    private ChainkgServer() {}
}
