package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Healthy: eight workers share a synchronized session map with microsecond critical sections and rare 15 ms holds. */
public final class LightLockService {
    static final class Sessions {
        private final Map<String, Long> lastSeen = new HashMap<>();

        synchronized void touch(String id, boolean flush) {
            lastSeen.put(id, System.nanoTime());
            if (flush) Scenario.sleep(15);  // an occasional snapshot, rarely contended
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Sessions sessions = new Sessions();
        for (int i = 0; i < 8; i++) {
            Scenario.daemon("worker-" + i, () -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (Scenario.running(start)) {
                    sessions.touch("s" + r.nextInt(1000), r.nextInt(400) == 0);
                    Scenario.sleep(r.nextInt(2, 8));
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
