package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A search service whose in-memory index has grown to most of its heap (the argument: the live set in MiB) while
 * queries keep allocating: the collector has almost no room and collects back to back.
 */
public final class NearlyFullIndexScenario {
    static final List<long[]> INDEX = new ArrayList<>();

    public static void main(String[] args) {
        int liveMib = args.length > 0 ? Integer.parseInt(args[0]) : 130;
        for (int i = 0; i < liveMib * 16; i++) INDEX.add(new long[8192]);  // 64 KiB posting lists
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("query-" + t, () -> {
                long hits = 0;
                while (Scenario.running(start)) {
                    StringBuilder q = new StringBuilder();
                    for (int i = 0; i < 200; i++) q.append("term").append(i).append(' ');
                    long[] scores = new long[2048];
                    hits += scores.length + q.length() + INDEX.get((int) (hits % INDEX.size()))[3];
                }
                if (hits == 42) System.out.println(hits);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
