package dev.quadrant.agent;

import dev.quadrant.core.AgentStats;

/**
 * What the agent's thread dumps cost in a window. Each dump with stacks stops the JVM at a safepoint; its wall time
 * bounds that pause. The poller waits {@link Pipeline#THREAD_DUMP_COST_SHARE} times a dump's cost before the next, so
 * dumps take at most 1% of the time however many threads the host has.
 */
final class ThreadDumpCost {
    private long dumps;
    private long totalNanos;
    private long longestNanos;
    private long periodNanos;

    synchronized void dumped(long nanos) {
        dumps++;
        totalNanos += nanos;
        longestNanos = Math.max(longestNanos, nanos);
    }

    synchronized void period(long nanos) { periodNanos = nanos; }

    /** This window's figures; starts the next. */
    synchronized AgentStats.ThreadSampling takeWindow(long basePeriodNanos) {
        AgentStats.ThreadSampling t = new AgentStats.ThreadSampling(dumps, totalNanos / 1e6, longestNanos / 1e6, periodNanos / 1_000_000,
                periodNanos > basePeriodNanos);
        dumps = 0;
        totalNanos = 0;
        longestNanos = 0;
        return t;
    }
}
