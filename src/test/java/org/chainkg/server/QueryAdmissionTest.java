package org.chainkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;

/** Admission control on a real server: requests beyond the limit wait their turn, and past the wait get 503. */
class QueryAdmissionTest {
    static final HttpClient http = HttpClient.newHttpClient();

    /** A servlet that counts the requests inside it and holds each until released. */
    static final class Held extends HttpServlet {
        final AtomicInteger inside = new AtomicInteger(), most = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile long sleepMillis;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                if (sleepMillis > 0) Thread.sleep(sleepMillis); else release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            resp.setStatus(200);
            resp.getOutputStream().write("done\n".getBytes());
        }
    }

    static FusekiServer server(Held servlet, int permits, long waitMillis) {
        return FusekiServer.create().port(0).loopback(true)
            .addServlet(ChainkgServer.DATASET + "/held", servlet)
            .addFilter(ChainkgServer.DATASET + "/*", new QueryAdmission(permits, waitMillis))
            .build().start();
    }

    static HttpRequest get(FusekiServer s) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + s.getPort() + ChainkgServer.DATASET + "/held")).GET().build();
    }

    @Test
    void beyondTheLimitARequestWaitsThenGets503() throws Exception {
        Held held = new Held();
        FusekiServer s = server(held, 1, 300);
        try {
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(get(s), HttpResponse.BodyHandlers.ofString());
            assertTrue(held.entered.await(10, TimeUnit.SECONDS));
            HttpResponse<String> second = http.send(get(s), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, second.statusCode(), second.body());
            assertTrue(second.body().contains("busy"), second.body());
            assertEquals("5", second.headers().firstValue("Retry-After").orElse(""));
            held.release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, http.send(get(s), HttpResponse.BodyHandlers.ofString()).statusCode(), "the permit was given back");
        } finally {
            s.stop();
        }
    }

    @Test
    void requestsWithinTheWaitRunOneAfterAnother() throws Exception {
        Held held = new Held();
        held.sleepMillis = 100; // long enough for twelve requests sent together to overlap without the limit
        FusekiServer s = server(held, 2, 10_000);
        try {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 12; i++) all.add(http.sendAsync(get(s), HttpResponse.BodyHandlers.ofString()));
            for (var f : all) assertEquals(200, f.get(20, TimeUnit.SECONDS).statusCode());
            assertEquals(2, held.most.get(), "at most 2 ran at once (and 2 did)");
        } finally {
            s.stop();
        }
    }
}
