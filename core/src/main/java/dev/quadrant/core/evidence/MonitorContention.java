package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * Waits for one lock: a monitor at one site (from JFR) or one java.util.concurrent lock instance (woven). How often,
 * how long in total, by how many distinct threads (some named), the longest wait with its waiting thread and stack,
 * and the thread that held the lock with its stack when known.
 */
public record MonitorContention(Kind kind, String monitorClass, String site, long waits, Duration totalBlocked, Duration longest,
                                int threadCount, List<String> threads, String longestWaiter, String owner, List<String> stack,
                                List<String> ownerStack) {
    /** A Java monitor ({@code synchronized}, seen by JFR per site) or a java.util.concurrent lock (woven, per instance). */
    public enum Kind {
        MONITOR, LOCK;

        /** As the report spells it: "monitor", "lock". */
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
