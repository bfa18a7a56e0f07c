package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A product catalog held in memory (a few million small objects) with a "memory tidy-up" job that calls System.gc()
 * every few seconds after refreshing a slice: each call is a full, stop-the-world collection of the whole catalog.
 */
public final class CatalogExplicitGcScenario {
    record Product(long id, String sku, int stock, long priceCents) {}

    static final Map<Long, Product> CATALOG = new HashMap<>();

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (long i = 0; i < 5_000_000; i++) CATALOG.put(i, new Product(i, "sku-" + i, (int) (i % 100), i * 7));
        Scenario.daemon("catalog-refresh", () -> {
            long round = 0;
            while (Scenario.running(start)) {
                for (long i = 0; i < 50_000; i++) {
                    long id = (round * 50_000 + i) % 5_000_000;
                    CATALOG.put(id, new Product(id, "sku-" + id, (int) (round % 100), id * 7));
                }
                round++;
                System.gc();  // the tidy-up: "free the old slice now"
                Scenario.sleep(2000);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
