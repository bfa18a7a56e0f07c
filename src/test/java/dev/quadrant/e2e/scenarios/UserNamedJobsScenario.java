package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job runner that names each job's thread after the job's user-given title, and one user titled theirs with markup
 * (a stored XSS attempt). The job is a runaway recalculation that burns a core and allocates; the report workers
 * contend for one shared monitor whose holder is another user-named job. Every one of these names reaches the report.
 */
public final class UserNamedJobsScenario {
    public static final String HOSTILE = "<img src=x onerror=alert(1)>";
    public static final String HOSTILE_HOLDER = "\"><script>alert(2)</script>";
    static final Object LEDGER = new Object();
    static volatile long sink;

    static void recalculate(long start) {
        while (Scenario.running(start)) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) rows.add(new double[64]);
            double sum = 0;
            for (double[] row : rows) for (int j = 0; j < row.length; j++) sum += Math.sqrt(j + sum);
            sink += (long) sum;
        }
    }

    static void post(long start, long holdMs) {
        while (Scenario.running(start)) {
            synchronized (LEDGER) {
                long until = System.nanoTime() + holdMs * 1_000_000;
                while (System.nanoTime() < until) sink++;
            }
            Scenario.sleep(1);
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon(HOSTILE, () -> recalculate(start));
        Scenario.daemon(HOSTILE_HOLDER, () -> post(start, 30));
        for (int i = 0; i < 3; i++) Scenario.daemon("report-" + i + " '&<b>", () -> post(start, 5));
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
