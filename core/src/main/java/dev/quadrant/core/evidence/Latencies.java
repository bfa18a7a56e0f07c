package dev.quadrant.core.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latency distribution in fixed buckets (milliseconds): small, mergeable, and enough to say "most calls took
 * 200-500 ms". Only operations over the recording threshold (20 ms) are counted.
 */
public final class Latencies {
    static final long[] UPPER_MS = {50, 100, 200, 500, 1_000, 2_000, 5_000, Long.MAX_VALUE};
    static final String[] LABELS = {"20-50 ms", "50-100 ms", "100-200 ms", "200-500 ms", "0.5-1 s", "1-2 s", "2-5 s", "5 s+"};

    private final long[] counts = new long[UPPER_MS.length];

    public void add(long nanos) {
        long ms = nanos / 1_000_000;
        int i = 0;
        while (ms >= UPPER_MS[i]) i++;
        counts[i]++;
    }

    public List<Long> counts() {
        List<Long> out = new ArrayList<>(counts.length);
        for (long c : counts) out.add(c);
        return out;
    }

    /** Non-empty buckets by label, for a report. */
    public static Map<String, Long> labelled(List<Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < counts.size() && i < LABELS.length; i++) if (counts.get(i) > 0) m.put(LABELS[i], counts.get(i));
        return m;
    }
}
