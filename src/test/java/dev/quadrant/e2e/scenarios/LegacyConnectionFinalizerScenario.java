package dev.quadrant.e2e.scenarios;

import java.time.Duration;

/**
 * Legacy code that leaves connections for finalize() to close, and finalize() says goodbye to the server politely
 * (a slow call): the one finalizer thread falls further behind with every request.
 */
public final class LegacyConnectionFinalizerScenario {
    static final class LegacyConnection {
        final byte[] buffer = new byte[1024];

        @SuppressWarnings({"deprecation", "removal"})
        @Override protected void finalize() {
            Scenario.sleep(1);  // "send QUIT and wait for the reply"
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("request-handler", () -> {
            long used = 0;
            while (Scenario.running(start)) {
                for (int i = 0; i < 50; i++) used += new LegacyConnection().buffer.length;  // never closed
                Scenario.sleep(5);  // ~10,000 connections/s
            }
            if (used == 42) System.out.println(used);
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
