package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A payments ledger: request threads post transfers through one synchronized ledger that also validates and
 * "persists" (a slow call) while holding its monitor, so every request queues behind every other.
 */
public final class LedgerLockScenario {
    static final class Ledger {
        private final Map<String, Long> balances = new HashMap<>();

        synchronized void post(String from, String to, long cents) {
            balances.merge(from, -cents, Long::sum);
            balances.merge(to, cents, Long::sum);
            persist();
        }

        private void persist() { Scenario.sleep(15); }  // stands for a synchronous database write under the lock
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Ledger ledger = new Ledger();
        for (int i = 0; i < 6; i++) {
            Scenario.daemon("http-nio-" + i, () -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (Scenario.running(start)) {
                    ledger.post("acct-" + r.nextInt(50), "acct-" + r.nextInt(50), r.nextLong(100, 10_000));
                    Scenario.sleep(2);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
