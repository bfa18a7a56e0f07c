package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request handlers send a message to a pricing engine and block on CompletableFuture.join() for its reply, with no
 * timeout. The engine's replies arrive on a listener thread; one in five is lost, and the handler waiting for it waits
 * forever, so the handler pool slowly fills with stuck threads.
 */
public final class LostReplyScenario {
    static final Map<Long, CompletableFuture<Long>> PENDING = new ConcurrentHashMap<>();
    static final AtomicLong IDS = new AtomicLong();

    static long quote(long sku) {
        long id = IDS.incrementAndGet();
        CompletableFuture<Long> reply = new CompletableFuture<>();
        PENDING.put(id, reply);
        return reply.join();  // no timeout
    }

    public static void main(String[] args) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(16, r -> new Thread(r, "quote-handler-" + n.incrementAndGet()));
        long start = System.nanoTime();
        Scenario.daemon("engine-replies", () -> {
            while (Scenario.running(start)) {
                for (Map.Entry<Long, CompletableFuture<Long>> e : PENDING.entrySet()) {
                    if (PENDING.remove(e.getKey()) != null && e.getKey() % 5 != 0) e.getValue().complete(42L);  // every fifth reply is lost
                }
                Scenario.sleep(20);
            }
        });
        Scenario.daemon("http-quotes", () -> {
            for (long sku = 0; Scenario.running(start); sku++) {
                long s = sku;
                handlers.execute(() -> quote(s));
                Scenario.sleep(200);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
