package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * The window's garbage collections as JFR saw them: stop-the-world time (not duration: concurrent collectors run
 * beside the application), the worst pause with its collector and cause, how many also cleaned the old generation and
 * how many of those stopped the application for the whole heap (full collections).
 */
public record GcActivity(long collections, long oldCollections, long fullCollections, Duration totalPause, Duration longestPause,
                         String longestCollector, String longestCause, List<String> collectors) {
    public static final GcActivity EMPTY = new GcActivity(0, 0, 0, Duration.ZERO, Duration.ZERO, "", "", List.of());

    /**
     * Whether the collection stopped the application for the whole heap: Serial's and Parallel's old collections and
     * G1's fallback full collection. G1's concurrent cycle (G1Old) and ZGC cycles run beside the application.
     */
    public static boolean isFullCollection(String collector) {
        return collector.contains("Full") || collector.equals("SerialOld") || collector.equals("ParallelOld");
    }

    /**
     * Whether a collection by this collector (JFR's name) cleans the old generation: full and old collections of
     * Serial, Parallel and G1 (G1Old is its concurrent cycle), every cycle of single-generation ZGC and Shenandoah.
     */
    public static boolean isOldCollection(String collector) {
        return collector.contains("Old") || collector.contains("Full") || collector.contains("Major")
                || collector.equals("Z") || collector.equals("ZGC") || collector.equals("Shenandoah");
    }
}
