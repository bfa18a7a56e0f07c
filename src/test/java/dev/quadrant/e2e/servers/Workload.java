package dev.quadrant.e2e.servers;

import java.time.Duration;

/** What every server workload shares with the scenarios: it ends by itself, so a test that dies leaves nothing running for long. */
final class Workload {
    static final Duration MAX_LIFETIME = Duration.ofSeconds(Long.getLong("scenario.maxSeconds", 90));

    private Workload() {}

    /** Logging at INFO, as configured in production; called first in main, before a server's first logger exists. */
    static void logAtInfo() {
        System.setProperty("logback.configurationFile", "dev/quadrant/e2e/servers/logback.xml");
    }

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

    /** The lifetime from the first argument (seconds), else {@code fallback}: tests shorten it, people run it longer. */
    static Duration lifetime(String[] args, Duration fallback) {
        return args.length > 0 ? Duration.ofSeconds(Integer.parseInt(args[0])) : fallback;
    }

    /** Keeps main alive for the workload's lifetime, then exits normally (so the final report is written). */
    static void runFor(Duration d) {
        sleep(Math.min(d.toMillis(), MAX_LIFETIME.toMillis()));
        System.exit(0);
    }
}
