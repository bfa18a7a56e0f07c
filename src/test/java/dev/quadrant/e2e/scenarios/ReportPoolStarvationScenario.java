package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reporting service runs each report on a pool of 4 and, inside the report, submits its two queries to the same pool
 * and waits for them with Future.get() and no timeout. Once four reports run at once, every thread waits for queries
 * that sit in the queue behind them: the pool has deadlocked itself.
 */
public final class ReportPoolStarvationScenario {
    static long buildReport(ExecutorService pool, int id) throws Exception {
        Scenario.sleep(200);  // loads the report's template
        Future<Long> sales = pool.submit(() -> { Scenario.sleep(20); return 100L + id; });
        Future<Long> costs = pool.submit(() -> { Scenario.sleep(20); return 40L + id; });
        return sales.get() - costs.get();  // no timeout, and the queries need a thread of this same pool
    }

    public static void main(String[] args) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService reports = Executors.newFixedThreadPool(4, r -> new Thread(r, "report-" + n.incrementAndGet()));
        long start = System.nanoTime();
        Scenario.daemon("http-reports", () -> {
            for (int id = 0; Scenario.running(start); id++) {
                int report = id;
                reports.submit(() -> buildReport(reports, report));
                Scenario.sleep(50);  // a burst of dashboard reports
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
