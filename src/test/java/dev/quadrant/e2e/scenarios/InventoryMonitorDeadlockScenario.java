package dev.quadrant.e2e.scenarios;

import java.time.Duration;

/** A warehouse syncs stock and reservations under their monitors, in opposite orders on two paths: a classic deadlock. */
public final class InventoryMonitorDeadlockScenario {
    static final Object STOCK = new Object();
    static final Object RESERVATIONS = new Object();

    static void reserve() {
        synchronized (RESERVATIONS) {
            Scenario.sleep(20);
            synchronized (STOCK) { Scenario.sleep(1); }
        }
    }

    static void restock() {
        synchronized (STOCK) {
            Scenario.sleep(20);
            synchronized (RESERVATIONS) { Scenario.sleep(1); }
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("reservations", () -> { while (Scenario.running(start)) reserve(); });
        Scenario.daemon("restocker", () -> { while (Scenario.running(start)) restock(); });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
