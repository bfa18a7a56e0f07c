package dev.quadrant.core.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Buckets for task queue waits and run times, from sub-millisecond up: a healthy pool's tasks all sit in the first. */
public final class TaskLatencies {
    public static final long[] BOUNDS_MS = {1, 10, 50, 100, 500, 1_000, 5_000};
    static final String[] LABELS = {"<1 ms", "1-10 ms", "10-50 ms", "50-100 ms", "100-500 ms", "0.5-1 s", "1-5 s", "5 s+"};

    private TaskLatencies() {}

    public static int bucketOf(long nanos) {
        long ms = nanos / 1_000_000;
        int i = 0;
        while (i < BOUNDS_MS.length && ms >= BOUNDS_MS[i]) i++;
        return i;
    }

    /** Non-empty buckets by label, for a report. */
    public static Map<String, Long> labelled(List<Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < counts.size() && i < LABELS.length; i++) if (counts.get(i) > 0) m.put(LABELS[i], counts.get(i));
        return m;
    }
}
