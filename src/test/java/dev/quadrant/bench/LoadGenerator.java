package dev.quadrant.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Load on 127.0.0.1: closed-loop at full throughput, or open-loop at a fixed rate with latency measured from the intended start. */
final class LoadGenerator {
    static final int MAX_SAMPLES = 2_000_000;  // bounds memory whatever rate and duration are asked for

    private LoadGenerator() {}

    record Throughput(long requests, long errors, double perSecond) {}

    record Latency(long requests, long errors, double p50Ms, double p99Ms, double maxMs) {}

    /** {@code clients} threads, each sending the next request as soon as the previous one is answered. */
    static Throughput fullLoad(int port, int clients, long seconds) throws InterruptedException {
        AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    if (request(port, "sku-" + client + "-" + (i++ % 100))) ok.incrementAndGet(); else failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Throughput(ok.get(), failed.get(), ok.get() / elapsed);
    }

    /** Requests at {@code perSecond}, each timed from when it should have started (no coordinated omission). */
    static Latency fixedRate(int port, int perSecond, long seconds) throws InterruptedException {
        int total = (int) Math.min(MAX_SAMPLES, (long) perSecond * seconds);
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / perSecond;
        for (int i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            int slot = i;
            ticker.schedule(() -> workers.execute(() -> {
                boolean fine = request(port, "sku-" + (slot % 100));
                latencies[slot] = System.nanoTime() - intended;
                if (!fine) failed.incrementAndGet();
                done.incrementAndGet();
            }), intended - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 30, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        long[] sorted = Arrays.copyOf(latencies, done.get());
        Arrays.sort(sorted);
        return new Latency(sorted.length, failed.get(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static boolean request(int port, String sku) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/order?" + sku).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
