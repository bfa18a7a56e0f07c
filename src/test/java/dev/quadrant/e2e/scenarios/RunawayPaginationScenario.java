package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A nightly export task in a worker pool pages through a result set, but the cursor never advances when a page
 * comes back short: the task runs forever on a whole core, while the other workers serve normal light jobs.
 */
public final class RunawayPaginationScenario {
    record Page(List<Long> ids, long nextCursor) {}

    static Page fetch(long cursor) {
        List<Long> ids = new ArrayList<>();
        for (long i = cursor; i < cursor + 50; i++) ids.add(i * 31 % 1_000_003);
        return new Page(ids, cursor);  // the bug: should be cursor + ids.size()
    }

    static long export(long start) {
        long cursor = 0, checksum = 0;
        while (Scenario.running(start)) {
            Page page = fetch(cursor);
            for (long id : page.ids()) checksum += id;
            cursor = page.nextCursor();
        }
        return checksum;
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "job-worker");
            t.setDaemon(true);
            return t;
        });
        workers.submit(() -> export(start));
        for (int i = 0; i < 2; i++) {
            workers.submit(() -> {
                while (Scenario.running(start)) {
                    Scenario.sleep(100);
                    fetch(7);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
