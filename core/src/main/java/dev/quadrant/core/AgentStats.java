package dev.quadrant.core;

import java.util.List;

/**
 * What the agent itself did in a window: events handled and dropped, its own CPU time, how it was loaded,
 * and the pieces that failed (a failing piece is skipped, never fatal).
 */
public record AgentStats(String version, String loadedBy, long eventsSeen, long eventsDropped, long overheadCpuMs,
                         long errors, List<String> notes) {
    /** {@code loadedBy}: started with the JVM by {@code -javaagent}, or attached to it later. */
    public static final String STARTED_WITH_JVM = "javaagent", ATTACHED_LATER = "attach";

    public boolean attached() { return ATTACHED_LATER.equals(loadedBy); }
}
