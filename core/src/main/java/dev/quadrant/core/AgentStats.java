package dev.quadrant.core;

import java.util.List;

/**
 * What the agent itself did in a window: events handled and dropped, its own CPU time, how it was loaded,
 * the pieces that failed (a failing piece is skipped, never fatal), the work it shed while the host was in trouble,
 * and what its thread dumps cost.
 */
public record AgentStats(String version, String loadedBy, long eventsSeen, long eventsDropped, long overheadCpuMs,
                         long errors, List<String> notes, Shedding shedding, ThreadSampling threadSampling) {
    /** {@code loadedBy}: started with the JVM by {@code -javaagent}, or attached to it later. */
    public static final String STARTED_WITH_JVM = "javaagent", ATTACHED_LATER = "attach";

    public AgentStats(String version, String loadedBy, long eventsSeen, long eventsDropped, long overheadCpuMs, long errors, List<String> notes) {
        this(version, loadedBy, eventsSeen, eventsDropped, overheadCpuMs, errors, notes, Shedding.NONE, ThreadSampling.NONE);
    }

    public boolean attached() { return ATTACHED_LATER.equals(loadedBy); }

    /**
     * Optional work the agent did not do in this window because the host was in trouble ({@code reason}: the old
     * generation nearly full after GC, or the process starved of CPU); {@code active} whether it still sheds at the end.
     */
    public record Shedding(boolean active, String reason, List<String> skipped) {
        public static final Shedding NONE = new Shedding(false, null, List.of());

        public boolean happened() { return !skipped.isEmpty(); }
    }

    /**
     * The agent's thread dumps in the window: how many, their wall time in all and the longest (each stops the JVM at a
     * safepoint for at most that long), and the period they are taken at now ({@code backedOff}: longer than the base
     * period, because dumps got expensive).
     */
    public record ThreadSampling(long dumps, double dumpMs, double longestDumpMs, long periodMs, boolean backedOff) {
        public static final ThreadSampling NONE = new ThreadSampling(0, 0, 0, 0, false);
    }
}
