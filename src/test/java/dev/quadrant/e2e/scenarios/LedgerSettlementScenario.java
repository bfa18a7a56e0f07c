package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ledger service settles pending entries in batches: every trade triggers {@code settler.execute(Ledger::settle)},
 * and each run settles what is pending (~80 ms against the database). Trades arrive at ~90/s, 4 settlers do ~50/s, and
 * the queue grows by ~40 runs a second. Every run submitted is the same Runnable object (a non-capturing method
 * reference), and the settlers' thread factory names them all alike.
 */
public final class LedgerSettlementScenario {
    static final AtomicLong SETTLED = new AtomicLong();

    static final class Ledger {
        static void settle() {
            Scenario.sleep(80);  // the settlement query
            SETTLED.incrementAndGet();
        }
    }

    public static void main(String[] args) {
        Scenario.sleep(1000);
        ThreadPoolExecutor settler = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(r, "ledger-settler"));
        long start = System.nanoTime();
        Scenario.daemon("trade-feed", () -> {
            while (Scenario.running(start)) {
                settler.execute(Ledger::settle);
                Scenario.sleep(11);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
