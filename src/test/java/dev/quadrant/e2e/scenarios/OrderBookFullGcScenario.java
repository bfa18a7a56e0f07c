package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A trading gateway on the Parallel collector: a large order book lives in the old generation, and recent orders kept
 * for a few seconds get promoted and then die, so the old generation fills and a full collection has to mark the
 * whole book every time.
 */
public final class OrderBookFullGcScenario {
    record Order(long id, String account, long priceTicks, int qty) {}

    static final List<Order> BOOK = new ArrayList<>();
    static final ArrayDeque<Order[]> RECENT = new ArrayDeque<>();

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (long i = 0; i < 2_000_000; i++) BOOK.add(new Order(i, "acct-" + (i % 5000), 100_000 + i % 977, 1 + (int) (i % 50)));
        Scenario.daemon("order-gateway", () -> {
            long id = 0;
            while (Scenario.running(start)) {
                Order[] batch = new Order[5_000];
                for (int i = 0; i < batch.length; i++, id++) batch[i] = new Order(id, "acct-" + (id % 5000), 100_000 + id % 977, 1);
                RECENT.addLast(batch);
                if (RECENT.size() > 400) RECENT.removeFirst();  // kept long enough to be promoted
                Scenario.sleep(1);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
