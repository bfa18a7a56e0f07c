package dev.quadrant.collectors.jfr;

import jdk.jfr.consumer.RecordedThread;

/** Thread names from JFR events, and which threads are Quadrant's own. */
public final class Threads {
    public static final String AGENT_THREAD_PREFIX = dev.quadrant.collectors.AgentThreads.PREFIX;

    private Threads() {}

    public static String name(RecordedThread t) {
        if (t == null) return "(unknown)";
        String name = t.getJavaName();
        return name != null ? name : t.getOSName() != null ? t.getOSName() : "(unnamed)";
    }

    /** The Java thread id; for a thread JFR knows only by its OS name, its OS id (negated, so the two never meet). */
    public static long id(RecordedThread t) {
        if (t == null) return -1;
        return t.getJavaName() != null ? t.getJavaThreadId() : -1 - t.getOSThreadId();
    }

    public static boolean isAgent(RecordedThread t) {
        return t != null && t.getJavaName() != null && t.getJavaName().startsWith(AGENT_THREAD_PREFIX);
    }
}
