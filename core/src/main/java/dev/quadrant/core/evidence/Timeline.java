package dev.quadrant.core.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The window as it went, for the report's charts: levels sampled a few times a second to every few seconds
 * ({@code points}) and every garbage collection with its pause ({@code pauses}). Rules do not read it; a window that
 * sampled nothing has empty lists. {@code -1} figures are unknown.
 */
public record Timeline(List<Point> points, List<Pause> pauses, long pausesLeftOut) {
    public static final Timeline EMPTY = new Timeline(List.of(), List.of(), 0);
    /** Pools charted at most: a chart with more lines cannot be read. */
    public static final int CHARTED_POOLS = 8;

    /** The {@value #CHARTED_POOLS} deepest of {@code depths} (pool name to queue depth). */
    public static Map<String, Long> deepest(Map<String, Long> depths) { return Map.copyOf(deepest(depths, Long::doubleValue)); }

    /**
     * The {@value #CHARTED_POOLS} pools of {@code pools} with the greatest {@code depth}, deepest first; {@code pools}
     * itself when it has no more.
     */
    public static <V> Map<String, V> deepest(Map<String, V> pools, ToDoubleFunction<V> depth) {
        if (pools.size() <= CHARTED_POOLS) return pools;
        Map<String, V> top = new LinkedHashMap<>();
        pools.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, V> e) -> depth.applyAsDouble(e.getValue())).reversed())
                .limit(CHARTED_POOLS).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /**
     * Levels at one moment: heap used, live threads, the process's and the machine's CPU load (0-1 of all cores),
     * and each thread pool's queue depth by pool name.
     */
    public record Point(Instant time, long heapUsedBytes, int threads, double processCpuLoad, double machineCpuLoad,
                        Map<String, Long> poolQueues) {}

    /** One collection: when it started, its stop-the-world time, the collector, and heap used after it. */
    public record Pause(Instant time, Duration pause, String collector, long heapAfterBytes) {}
}
