package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Eight payment workers post to one ledger guarded by a ReentrantLock, and the ledger writes its audit line (a slow
 * synchronous write, ~4 ms) while holding the lock: the workers queue on it.
 */
public final class AccountLedgerLockScenario {
    static final ReentrantLock LEDGER = new ReentrantLock();
    static final Map<String, Long> BALANCES = new HashMap<>();

    static void post(String account, long cents) {
        LEDGER.lock();
        try {
            BALANCES.merge(account, cents, Long::sum);
            writeAudit(account, cents);
        } finally {
            LEDGER.unlock();
        }
    }

    static void writeAudit(String account, long cents) {
        Scenario.sleep(4);  // the synchronous audit write, done under the lock
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (int w = 0; w < 8; w++) {
            int worker = w;
            Scenario.daemon("payment-worker-" + w, () -> {
                for (long i = 0; Scenario.running(start); i++) {
                    post("acct-" + (i % 50), worker + i);
                    Scenario.sleep(1);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
