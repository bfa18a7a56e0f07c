package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The workload's own HTTP callers and what they saw: each client thread sends a request, waits {@code pauseMs}, and
 * again; every two seconds one line on stdout gives requests, failures and the slowest answer, so the test log shows
 * the fault from the callers' side, independently of Quadrant.
 */
final class Clients {
    private final AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), timedOut = new AtomicLong(), totalMs = new AtomicLong();
    private final LongAccumulator slowestMs = new LongAccumulator(Math::max, 0);
    private final String name;
    private final int readTimeoutMs;

    private Clients(String name, int readTimeoutMs) {
        this.name = name;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** Starts {@code threads} callers of {@code url} (a {@code %d} in it is replaced by a request number) and the summary line. */
    static Clients start(String name, int threads, String url, long pauseMs, int readTimeoutMs, long startNanos) {
        Clients clients = new Clients(name, readTimeoutMs);
        AtomicLong numbers = new AtomicLong();
        for (int i = 1; i <= threads; i++) {
            Scenario.daemon(name + "-" + i, () -> {
                while (Scenario.running(startNanos)) {
                    clients.call(url.replace("%d", Long.toString(numbers.incrementAndGet())));
                    Scenario.sleep(pauseMs);
                }
            });
        }
        Scenario.daemon(name + "-summary", () -> {
            while (Scenario.running(startNanos)) {
                Scenario.sleep(2000);
                System.out.println(clients.summary());
            }
        });
        return clients;
    }

    private void call(String url) {
        long t0 = System.nanoTime();
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(readTimeoutMs);
            try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) in.readAllBytes();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            ok.incrementAndGet();
            totalMs.addAndGet(ms);
            slowestMs.accumulate(ms);
        } catch (SocketTimeoutException e) {
            timedOut.incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
        }
    }

    /** "storefront: 412 ok, mean 3 ms, slowest 18 ms, 0 timed out, 0 failed", then the slowest is reset for the next line. */
    String summary() {
        long n = ok.get();
        return name + ": " + n + " ok, mean " + (n == 0 ? 0 : totalMs.get() / n) + " ms, slowest " + slowestMs.getThenReset()
                + " ms, " + timedOut.get() + " timed out, " + failed.get() + " failed";
    }
}
