package dev.quadrant.e2e.scenarios;

import java.time.Duration;

/** What every scenario main shares: it ends by itself, so a test that dies leaves nothing running for long. */
final class Scenario {
    static final Duration MAX_LIFETIME = Duration.ofSeconds(Long.getLong("scenario.maxSeconds", 90));  // longer only for soak runs

    private Scenario() {}

    static boolean running(long startNanos) { return System.nanoTime() - startNanos < MAX_LIFETIME.toNanos(); }

    static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps main alive for the scenario's lifetime, then exits normally (so the final report is written). */
    static void runFor(Duration d) {
        sleep(Math.min(d.toMillis(), MAX_LIFETIME.toMillis()));
        System.exit(0);
    }
}
