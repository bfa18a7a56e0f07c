package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.time.Duration;

/** What the server workloads share beyond {@link Scenario}: their logging, and a lifetime a test can shorten. */
final class Workload {
    private Workload() {}

    /** Logging at INFO, as configured in production; called first in main, before a server's first logger exists. */
    static void logAtInfo() {
        System.setProperty("logback.configurationFile", "dev/quadrant/e2e/servers/logback.xml");
    }

    /** The lifetime from the first argument (seconds), else {@code fallback}: tests shorten it, people run it longer. */
    static Duration lifetime(String[] args, Duration fallback) {
        return args.length > 0 ? Duration.ofSeconds(Integer.parseInt(args[0])) : fallback;
    }
}
