package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Money transfers lock the source account, then the destination (each account has a ReentrantLock). Two transfers in
 * opposite directions between the same accounts deadlock; the rest of the service keeps running.
 */
public final class TransferDeadlockScenario {
    static final class Account {
        final ReentrantLock lock = new ReentrantLock();
        long balance = 1_000;
    }

    static void transfer(Account from, Account to, long amount) {
        from.lock.lock();
        try {
            Scenario.sleep(50);  // fraud check while holding the source account
            to.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                to.lock.unlock();
            }
        } finally {
            from.lock.unlock();
        }
    }

    public static void main(String[] args) {
        Account alice = new Account(), bob = new Account();
        long start = System.nanoTime();
        Scenario.daemon("transfer-1", () -> { while (Scenario.running(start)) transfer(alice, bob, 10); });
        Scenario.daemon("transfer-2", () -> { while (Scenario.running(start)) transfer(bob, alice, 5); });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
