package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.TaskLatencies;
import java.util.List;

/** Sampled task durations of one window: count, total, longest and a distribution. */
final class TaskTimes {
    private long count, totalNanos, longestNanos;
    private final long[] buckets = new long[TaskLatencies.BOUNDS_MS.length + 1];

    synchronized void add(long nanos) {
        if (nanos < 0) return;
        count++;
        totalNanos += nanos;
        longestNanos = Math.max(longestNanos, nanos);
        buckets[TaskLatencies.bucketOf(nanos)]++;
    }

    /** This window's figures, then starts over. */
    synchronized Snapshot drain() {
        Snapshot s = new Snapshot(count, totalNanos, longestNanos, toList(buckets));
        count = totalNanos = longestNanos = 0;
        java.util.Arrays.fill(buckets, 0);
        return s;
    }

    private static List<Long> toList(long[] a) {
        Long[] boxed = new Long[a.length];
        for (int i = 0; i < a.length; i++) boxed[i] = a[i];
        return List.of(boxed);
    }

    record Snapshot(long count, long totalNanos, long longestNanos, List<Long> buckets) {}
}
