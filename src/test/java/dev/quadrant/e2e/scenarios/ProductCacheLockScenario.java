package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A product cache whose synchronized getOrLoad calls the slow repository on a miss, under the cache's monitor. */
public final class ProductCacheLockScenario {
    static final class ProductCache {
        private final Map<Integer, String> entries = new HashMap<>();

        synchronized String getOrLoad(int id) {
            String p = entries.get(id);
            if (p == null) {
                p = Repository.load(id);
                if (entries.size() > 500) entries.clear();  // crude eviction keeps misses coming
                entries.put(id, p);
            }
            return p;
        }
    }

    static final class Repository {
        static String load(int id) {
            Scenario.sleep(8);  // a database round trip
            return "product-" + id;
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        ProductCache cache = new ProductCache();
        for (int i = 0; i < 8; i++) {
            Scenario.daemon("request-" + i, () -> {
                long len = 0;
                while (Scenario.running(start)) {
                    len += cache.getOrLoad(ThreadLocalRandom.current().nextInt(5000)).length();
                    Scenario.sleep(1);
                }
                if (len == 42) System.out.println(len);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
