package org.chainkg.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Which endpoints {@code SERVICE} may call ({@code serve --allow-service URL}, repeatable): none by default, since
 * a SERVICE lets anyone who reaches the server make it call any host and port (SSRF). An endpoint is allowed when
 * its scheme, host and port are those of an allowed URL and its path starts with the allowed path (whole segments).
 * A query naming another endpoint is refused before it runs (403, {@link #refusal(Query)}); a SERVICE whose
 * endpoint is only known while the query runs ({@code SERVICE ?x}) is refused then, by a link in ARQ's
 * service executor chain ({@link #install}).
 */
final class ServiceAllowList implements ChainingServiceExecutor {
    private final List<URI> allowed;

    private ServiceAllowList(List<URI> allowed) {
        this.allowed = allowed;
    }

    /** The allow-list of these URLs; a URL that is not an absolute http(s) URL without user, query or fragment is refused. */
    static ServiceAllowList of(List<String> urls) {
        List<URI> out = new ArrayList<>();
        for (String u : urls) {
            URI uri = parse(u);
            if (uri == null || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null)
                throw new IllegalArgumentException("--allow-service " + u + ": give an endpoint URL such as http://localhost:3031/other/sparql "
                                                   + "(http or https, no user, query or fragment)");
            out.add(uri);
        }
        return new ServiceAllowList(List.copyOf(out));
    }

    boolean isEmpty() {
        return allowed.isEmpty();
    }

    boolean allows(String endpoint) {
        URI uri = parse(endpoint);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) return false;
        for (URI a : allowed) {
            if (a.getScheme().equalsIgnoreCase(uri.getScheme()) && a.getHost().equalsIgnoreCase(uri.getHost())
                && port(a) == port(uri) && pathWithin(uri.getRawPath(), a.getRawPath()))
                return true;
        }
        return false;
    }

    /** Sets the dataset's context: SERVICE is allowed only if some endpoint is, and then only to those. */
    void install(Context context) {
        context.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
        if (allowed.isEmpty()) return;
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.addSingleLink(this);
        ServiceExecutorRegistry.set(context, registry);
    }

    /** Why this query may not run (a SERVICE to an endpoint that is not allowed), or null. */
    String refusal(Query query) {
        return refusal(Algebra.compile(query));
    }

    String refusal(Op op) {
        String[] out = new String[1];
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService s) {
                if (out[0] == null) out[0] = refusal(s.getService());
            }
        });
        return out[0];
    }

    private String refusal(Node service) {
        if (service.isURI() && allows(service.getURI())) return null;
        if (allowed.isEmpty())
            return "SERVICE is off on this server: it calls no other endpoint for a query (serve --allow-service URL allows one)";
        return "SERVICE " + (service.isURI() ? "<" + service.getURI() + ">" : service.toString()) + " is refused: this server calls only "
               + allowed + " (serve --allow-service)";
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding, ExecutionContext execCxt, ServiceExecutor chain) {
        String why = refusal(opExecute.getService());
        if (why != null) throw new QueryDeniedException(why);
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }

    private static URI parse(String s) {
        try {
            return new URI(s).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    private static boolean pathWithin(String path, String prefix) {
        String p = path == null ? "" : path, a = prefix == null ? "" : prefix;
        if (a.isEmpty() || a.equals("/")) return true;
        if (p.contains("/../") || p.endsWith("/..")) return false;
        return p.equals(a) || p.startsWith(a.endsWith("/") ? a : a + "/");
    }
}
