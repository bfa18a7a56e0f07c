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
                    // a flush in 2,000 touches: ~0.8 a second, ~0.05 threads blocked on average (warning: 0.25); one in
                    // 400 blocked ~0.21 on average, and a 1 s window with a few flushes close together crossed 0.25
                    sessions.touch("s" + r.nextInt(1000), r.nextInt(2000) == 0);
                    Scenario.sleep(r.nextInt(2, 8));
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
