package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A price cache behind a ReentrantReadWriteLock: a refresher takes the write lock every 250 ms and reloads every price
 * while holding it (~200 ms), so the six request threads that read prices are blocked most of the time.
 */
public final class PriceCacheRefreshScenario {
    static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    static final Map<String, Long> PRICES = new HashMap<>();

    static long price(String sku) {
        LOCK.readLock().lock();
        try {
            return PRICES.getOrDefault(sku, 0L);
        } finally {
            LOCK.readLock().unlock();
        }
    }

    static void refresh(long version) {
        LOCK.writeLock().lock();
        try {
            for (int i = 0; i < 100; i++) PRICES.put("sku-" + i, version + i);
            Scenario.sleep(200);  // reloading from the pricing service while holding the write lock
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("price-refresher", () -> {
            for (long v = 0; Scenario.running(start); v++) {
                refresh(v);
                Scenario.sleep(50);
            }
        });
        for (int r = 0; r < 6; r++) {
            Scenario.daemon("http-request-" + r, () -> {
                for (int i = 0; Scenario.running(start); i++) {
                    price("sku-" + (i % 100));
                    Scenario.sleep(2);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
