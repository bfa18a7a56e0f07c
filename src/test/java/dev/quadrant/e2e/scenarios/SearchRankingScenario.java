package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A product search that ranks every catalogue entry by edit distance to the query, per request: one method eats the CPU. */
public final class SearchRankingScenario {
    static final class Ranker {
        static int editDistance(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) d[i][0] = i;
            for (int j = 0; j <= b.length(); j++) d[0][j] = j;
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                }
            }
            return d[a.length()][b.length()];
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        List<String> catalogue = new ArrayList<>();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 5000; i++) catalogue.add("product " + Long.toString(r.nextLong(1L << 40), 36) + " deluxe edition " + i);
        Scenario.daemon("search-worker", () -> {
            long best = 0;
            while (Scenario.running(start)) {
                String query = "product " + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
                for (String item : catalogue) best += Ranker.editDistance(query, item);
            }
            if (best == 42) System.out.println(best);
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
