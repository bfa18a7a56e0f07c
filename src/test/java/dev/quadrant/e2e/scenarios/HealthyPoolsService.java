package dev.quadrant.e2e.scenarios;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A well-run service with every kind of thread a production service has, none of them in trouble: a request pool at a
 * third of its capacity whose handlers wait for sub-calls with timeouts, a bounded pool with CallerRunsPolicy that never
 * fills, a cached pool for bursts whose threads come and go, scheduled housekeeping, a lightly used ReentrantLock and
 * read-write lock, a consumer waiting on its queue, a main thread waiting on a latch for shutdown, an order log written
 * through a buffer, and a host name looked up per request (answered from the JDK's cache).
 */
public final class HealthyPoolsService {
    static final ReentrantLock SEQUENCE = new ReentrantLock();
    static final ReentrantReadWriteLock CONFIG = new ReentrantReadWriteLock();
    static long sequence;

    static long handle(ExecutorService backend, int request) throws Exception {
        SEQUENCE.lock();
        try {
            sequence++;
        } finally {
            SEQUENCE.unlock();
        }
        CONFIG.readLock().lock();
        try {
            Scenario.sleep(1);
        } finally {
            CONFIG.readLock().unlock();
        }
        java.net.InetAddress.getByName("localhost");
        Future<Integer> stock = backend.submit(() -> { Scenario.sleep(3); return request % 7; });
        return stock.get(2, TimeUnit.SECONDS) + CompletableFuture.supplyAsync(() -> request, backend).get(2, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService requests = Executors.newFixedThreadPool(8, r -> new Thread(r, "http-handler-" + n.incrementAndGet()));
        ExecutorService backend = Executors.newFixedThreadPool(4, r -> new Thread(r, "backend-" + n.incrementAndGet()));
        ThreadPoolExecutor audit = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500),
                r -> new Thread(r, "audit-" + n.incrementAndGet()), new ThreadPoolExecutor.CallerRunsPolicy());
        ExecutorService bursts = Executors.newCachedThreadPool(r -> new Thread(r, "burst-" + n.incrementAndGet()));
        ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(2);
        housekeeping.scheduleAtFixedRate(() -> {
            CONFIG.writeLock().lock();
            try {
                Scenario.sleep(2);
            } finally {
                CONFIG.writeLock().unlock();
            }
        }, 100, 1000, TimeUnit.MILLISECONDS);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Scenario.daemon("event-consumer", () -> {
            try {
                while (true) events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        Scenario.daemon("order-log", () -> {
            try (java.io.OutputStream log = new java.io.BufferedOutputStream(
                    new java.io.FileOutputStream(java.io.File.createTempFile("orders", ".log")))) {
                for (long i = 0; Scenario.running(start); i++) {
                    log.write(("order " + i + " accepted\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    if (i % 20 == 19) Scenario.sleep(10);  // ~2,000 lines/s, one write call per 8 KiB
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Scenario.daemon("http-acceptor", () -> {
            for (int i = 0; Scenario.running(start); i++) {
                int request = i;
                requests.execute(() -> {
                    try {
                        handle(backend, request);
                    } catch (Exception e) {
                        // a timeout: the request fails fast
                    }
                });
                audit.execute(() -> Scenario.sleep(2));
                if (i % 100 == 0) for (int b = 0; b < 6; b++) bursts.execute(() -> Scenario.sleep(30));
                if (i % 20 == 0) events.add("tick " + i);
                Scenario.sleep(10);
            }
        });
        CountDownLatch shutdown = new CountDownLatch(1);
        Scenario.daemon("shutdown-timer", () -> {
            Scenario.sleep(Scenario.MAX_LIFETIME.toMillis());
            shutdown.countDown();
        });
        shutdown.await();  // main waits for shutdown with no timeout, by design
        System.exit(0);
    }
}
