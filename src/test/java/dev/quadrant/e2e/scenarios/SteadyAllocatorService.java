package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Healthy: an order service allocating steadily (~30-60 MiB/s of short-lived request objects) on a 256 MiB heap. */
public final class SteadyAllocatorService {
    record Line(String sku, int qty, long cents) {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("order-handler-" + t, () -> {
                long total = 0;
                while (Scenario.running(start)) {
                    for (int req = 0; req < 50; req++) {
                        List<Line> lines = new ArrayList<>();
                        for (int i = 0; i < 40; i++) lines.add(new Line("sku-" + ThreadLocalRandom.current().nextInt(10_000), 1 + i % 3, 999L * i));
                        StringBuilder receipt = new StringBuilder();
                        for (Line l : lines) receipt.append(l.sku()).append(' ').append(l.qty()).append(' ').append(l.cents()).append('\n');
                        total += receipt.length();
                    }
                    Scenario.sleep(10);
                }
                if (total == 42) System.out.println(total);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
