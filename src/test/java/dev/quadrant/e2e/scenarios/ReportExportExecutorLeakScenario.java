package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An export endpoint that builds a small executor for every export to render pages in parallel, and never shuts it down:
 * two idle threads stay behind per request.
 */
public final class ReportExportExecutorLeakScenario {
    static void export(int id) {
        ExecutorService renderers = Executors.newFixedThreadPool(2);
        renderers.submit(() -> "page-1 of report " + id);
        renderers.submit(() -> "page-2 of report " + id);
        // missing: renderers.shutdown()
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("http-exports", () -> {
            for (int id = 0; Scenario.running(start); id++) {
                export(id);
                Scenario.sleep(250);  // 4 exports/s: 8 threads/s
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
