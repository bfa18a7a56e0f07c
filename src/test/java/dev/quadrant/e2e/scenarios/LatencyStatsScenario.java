package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A metrics endpoint that computes latency percentiles by insertion-sorting the whole sample buffer per call. */
public final class LatencyStatsScenario {
    static final class Stats {
        static void insertionSort(long[] a) {
            for (int i = 1; i < a.length; i++) {
                long v = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
                a[j + 1] = v;
            }
        }

        static long p99(long[] samples) {
            long[] copy = samples.clone();
            insertionSort(copy);
            return copy[(int) (copy.length * 0.99)];
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        long[] samples = new long[4000];
        Scenario.daemon("metrics-scraper", () -> {
            long sum = 0;
            while (Scenario.running(start)) {
                for (int i = 0; i < samples.length; i++) samples[i] = ThreadLocalRandom.current().nextLong(1, 5_000_000);
                sum += Stats.p99(samples);
            }
            if (sum == 42) System.out.println(sum);
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
