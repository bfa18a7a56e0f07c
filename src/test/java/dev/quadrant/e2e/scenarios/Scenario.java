package dev.quadrant.e2e.scenarios;

import java.time.Duration;

/** What every scenario main shares: it ends by itself, so a test that dies leaves nothing running for long. */
public final class Scenario {
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(Long.getLong("scenario.maxSeconds", 90));  // longer only for soak runs

    private Scenario() {}

    public static boolean running(long startNanos) { return System.nanoTime() - startNanos < MAX_LIFETIME.toNanos(); }

    public static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * With the agent started with the JVM, waits (up to 30 s) until its weaving is in place, as its log in the run's report
     * folder says: the agent weaves off the main thread, and on a busy machine a pool created in the first seconds would
     * have no creation site.
     */
    static void awaitWeaving() {
        boolean agentAtStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-javaagent:"));
        if (!agentAtStart) return;  // attached later, or not at all: there is nothing to wait for
        java.nio.file.Path log = java.nio.file.Path.of("reports", "quadrant.log");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains("Woven ")) return;
            } catch (java.io.IOException e) {
                // being written: look again
            }
            sleep(50);
        }
    }

    /** Keeps main alive for the scenario's lifetime, then exits normally (so the final report is written). */
    public static void runFor(Duration d) {
        sleep(Math.min(d.toMillis(), MAX_LIFETIME.toMillis()));
        System.exit(0);
    }
}
