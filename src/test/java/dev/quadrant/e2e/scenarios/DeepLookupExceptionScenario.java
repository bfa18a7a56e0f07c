package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A request handler deep in a framework's call stack asks a repository that signals "not found" by throwing: most
 * look-ups miss, and each miss fills in a stack trace 80 frames deep.
 */
public final class DeepLookupExceptionScenario {
    static final class NotFoundException extends RuntimeException {
        NotFoundException(String key) { super("no customer " + key); }
    }

    static final Map<String, String> CUSTOMERS = new HashMap<>();

    static String find(String key) {
        String c = CUSTOMERS.get(key);
        if (c == null) throw new NotFoundException(key);
        return c;
    }

    static int handle(int depth, int id) {
        if (depth > 0) return handle(depth - 1, id) + 1;  // the framework's filters, interceptors and proxies
        try {
            return find("c-" + id).length();
        } catch (NotFoundException miss) {
            return 0;
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 100; i++) CUSTOMERS.put("c-" + i, "customer " + i);
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("http-handler-" + t, () -> {
                long sum = 0;
                int id = 0;
                while (Scenario.running(start)) {
                    sum += handle(80, id++ % 1000);
                    if (id % 1000 == 0) Scenario.sleep(2);
                }
                if (sum == 42) System.out.println(sum);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
