package org.chainkg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenLink Virtuoso 7 (Debian's virtuoso-opensource, installed by {@code .ci/run}) for tests: a temporary
 * database in its own folder, free loopback ports for SQL and HTTP, anonymous SPARQL Update and Graph Store Protocol
 * writes granted to the SPARQL user, and the process stopped (and its folder left to JUnit's {@code @TempDir}) by
 * {@link #close}. Its SPARQL endpoint is {@link #sparql()}, its Graph Store {@link #graphStore()}
 * ({@code /sparql-graph-crud}).
 */
public final class VirtuosoServer implements AutoCloseable {
    private static final String BINARY = "/usr/bin/virtuoso-t", ISQL = "/usr/bin/isql-vt";
    private final Process process;
    private final int sqlPort, httpPort;
    private final Path dir;

    private VirtuosoServer(Path dir, int sqlPort, int httpPort, Process process) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Starts a server with its database in {@code dir}; waits until its SPARQL endpoint answers (about 10 s). */
    public static VirtuosoServer start(Path dir) {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(ISQL)))
            throw new IllegalStateException(BINARY + " or " + ISQL + " is missing: install Debian's virtuoso-opensource "
                + "(apt-get install virtuoso-opensource; .ci/run does)");
        try {
            Files.createDirectories(dir);
            int sql = freePort(), http = freePort();
            String d = dir.toAbsolutePath().toString();
            Files.writeString(dir.resolve("virtuoso.ini"), String.join("\n",
                "[Database]", "DatabaseFile = " + d + "/virtuoso.db", "ErrorLogFile = " + d + "/virtuoso.log",
                "LockFile = " + d + "/virtuoso.lck", "TransactionFile = " + d + "/virtuoso.trx",
                "xa_persistent_file = " + d + "/virtuoso.pxa", "ErrorLogLevel = 7", "FileExtend = 200", "Striping = 0",
                "TempStorage = TempDatabase",
                "[TempDatabase]", "DatabaseFile = " + d + "/virtuoso-temp.db", "TransactionFile = " + d + "/virtuoso-temp.trx", "Striping = 0",
                "[Parameters]", "ServerPort = 127.0.0.1:" + sql, "DisableUnixSocket = 1", "MaxClientConnections = 10",
                "CheckpointInterval = 60", "CaseMode = 2", "DirsAllowed = ., " + d, "NumberOfBuffers = 20000",
                "MaxDirtyBuffers = 15000", "MaxQueryMem = 500M", "ThreadsPerQuery = 2",
                // one update request rebuilds a merged graph of all visible triples (RemoteGraphs.merge)
                "TransactionAfterImageLimit = 1500000000",
                // chainkg's paged reads sort (ORDER BY ... OFFSET ... LIMIT): Virtuoso sorts at most 10,000 rows by default
                "MaxSortedTopRows = 2000000000",
                "[HTTPServer]", "ServerPort = 127.0.0.1:" + http, "ServerRoot = /var/lib/virtuoso-opensource-7/vsp",
                "MaxClientConnections = 10", "ServerThreads = 10", "Charset = UTF-8", "EnabledGzipContent = 0",
                // no cap on result rows or query time: chainkg pages its own reads, and answers must be whole
                "[SPARQL]", "ResultSetMaxRows = 10000000", "MaxQueryCostEstimationTime = 0", "MaxQueryExecutionTime = 0", ""));
            Process p = new ProcessBuilder(BINARY, "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
            VirtuosoServer v = new VirtuosoServer(dir, sql, http, p);
            v.awaitOnline();
            v.isql("GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);");
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sparql() { return "http://127.0.0.1:" + httpPort + "/sparql"; }

    public String graphStore() { return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud"; }

    /** Runs SQL statements as dba through isql-vt. */
    public void isql(String statements) {
        try {
            Process p = new ProcessBuilder(ISQL, "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + statements)
                .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("*** Error"))
                throw new IllegalStateException("isql-vt failed on " + statements + ": " + out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitOnline() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IllegalStateException("virtuoso-t stopped while starting: " + log());
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(sparql() + "?query=ASK%7B%7D")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try { Thread.sleep(250); } catch (InterruptedException e) { Thread.currentThread().interrupt(); throw new IllegalStateException(e); }
        }
        close();
        throw new IllegalStateException("virtuoso-t did not answer on " + sparql() + " within 120 s: " + log());
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the server: SQL {@code shutdown} (virtuoso-t ignores SIGTERM), else a kill after 20 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) isql("shutdown;");
        } catch (RuntimeException e) {
            // not answering: killed below
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
