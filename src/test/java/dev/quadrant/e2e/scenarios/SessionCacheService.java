package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Healthy: a web tier keeping user sessions for 8 s after the last request. Sessions live long enough to be promoted,
 * so the old generation rises and falls in a sawtooth, but the live set stays flat: not a leak.
 */
public final class SessionCacheService {
    record Session(long id, long expiresNanos, byte[] attributes) {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        ArrayDeque<Session> sessions = new ArrayDeque<>();
        Scenario.daemon("http-handler", () -> {
            long id = 0;
            while (Scenario.running(start)) {
                long now = System.nanoTime();
                for (int i = 0; i < 10; i++) sessions.addLast(new Session(id++, now + 8_000_000_000L, new byte[2048 + ThreadLocalRandom.current().nextInt(1024)]));
                while (!sessions.isEmpty() && sessions.peekFirst().expiresNanos() < now) sessions.removeFirst();
                Scenario.sleep(10);  // ~1,000 sessions/s, ~2.5 MiB/s, ~20 MiB live
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
