package dev.quadrant.e2e.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * A small-heap service whose report cache outgrows the heap. {@code recover}: the cache grows until
 * OutOfMemoryError, the service drops it and carries on, twice, then serves normally for a while. {@code hold}
 * (run it with the serial collector, which a one-CPU container gets, and which fills the heap to the last byte): the
 * cache fills the heap to 96% after a full GC and stays there for a few seconds (the agent must not be the one that
 * runs out), then one large report is asked for, which cannot fit: with -XX:+ExitOnOutOfMemoryError that ends the JVM,
 * as it should, at that point and no earlier. Prints only what the service itself sees.
 */
public final class OutOfMemoryApp {
    static final int CHUNK = 64 * 1024;
    static final double HOLD_FULL = 0.96;
    static volatile long sink;

    public static void main(String[] args) {
        String mode = args[0];
        serve(2_000);
        if (mode.equals("recover")) {
            for (int cycle = 1; cycle <= 2; cycle++) {
                List<byte[]> cache = new ArrayList<>();
                try {
                    while (true) {
                        cache.add(new byte[CHUNK]);
                        Scenario.sleep(10);  // ~6 MiB/s: the cache grows over seconds, as caches do
                    }
                } catch (OutOfMemoryError e) {
                    cache = null;
                    System.out.println("cycle " + cycle + ": the cache ran out of heap; dropped it and carried on");
                }
                serve(1_000);
            }
            serve(Long.parseLong(args[1]));
            System.out.println("done");
        } else {
            List<byte[]> cache = new ArrayList<>();
            for (double used = usedAfterFullGc(); used < HOLD_FULL; used = usedAfterFullGc()) {
                if (used < 0.85) for (int i = 0; i < 8; i++) cache.add(new byte[CHUNK]);
                else cache.add(new byte[CHUNK / 4]);  // the last tenth in small steps: the fill itself must never overshoot
                System.gc();
            }
            System.out.println("cache holds the heap; serving from it");
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                sink += cache.get((int) (System.nanoTime() % cache.size())).length;
                Scenario.sleep(20);
            }
            System.out.println("asking for one large report");
            byte[] report = new byte[16 * 1024 * 1024];  // more than is left: OutOfMemoryError here, in main
            sink += report.length + cache.size();
            System.out.println("unreachable with a full heap");
        }
    }

    /** Ordinary requests: short-lived garbage only. */
    static void serve(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 200; i++) sink += ("request " + i).hashCode();
            Scenario.sleep(5);
        }
    }

    /** Right after a full collection, what the heap holds over its maximum. */
    static double usedAfterFullGc() {
        Runtime r = Runtime.getRuntime();
        return (double) (r.totalMemory() - r.freeMemory()) / r.maxMemory();
    }
}
