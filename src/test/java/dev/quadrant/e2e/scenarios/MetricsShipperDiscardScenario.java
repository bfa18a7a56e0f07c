package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A metrics shipper sends each data point on one thread (~5 ms per send) from a queue of 100 with DiscardOldestPolicy;
 * points arrive at ~400/s, so most are silently thrown away.
 */
public final class MetricsShipperDiscardScenario {
    public static void main(String[] args) {
        ThreadPoolExecutor shipper = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
                r -> new Thread(r, "metrics-shipper"), new ThreadPoolExecutor.DiscardOldestPolicy());
        long start = System.nanoTime();
        Scenario.daemon("metrics-source", () -> {
            while (Scenario.running(start)) {
                for (int i = 0; i < 10; i++) shipper.execute(() -> Scenario.sleep(5));
                Scenario.sleep(25);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
