package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A checkout service hands each order to a pool of 4 "checkout" workers that call a payment gateway (~150 ms); orders
 * arrive at ~35/s, the pool can do ~26/s, and the unbounded queue grows: orders wait longer and longer before they start.
 * maximumPoolSize 32 is configured but never used, since the queue never fills.
 */
public final class CheckoutPoolSaturationScenario {
    static void chargeCard(int order) {
        Scenario.sleep(140 + order % 20);  // the payment gateway's latency
    }

    public static void main(String[] args) {
        Scenario.sleep(2000);  // start-up: loads the catalogue before it takes orders
        Scenario.awaitWeaving();  // the test asserts the pool's creation site
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> new Thread(r, "checkout-" + n.incrementAndGet());
        ThreadPoolExecutor checkout = new ThreadPoolExecutor(4, 32, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named);
        long start = System.nanoTime();
        Scenario.daemon("http-orders", () -> {
            for (int order = 0; Scenario.running(start); order++) {
                int id = order;
                checkout.execute(() -> chargeCard(id));
                Scenario.sleep(28);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
