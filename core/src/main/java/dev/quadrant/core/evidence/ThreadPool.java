package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * One executor at the end of a window: its identity (worker name pattern, creation site), sizes read from its own
 * getters, the window's task counts, and sampled queue waits and run times. {@code queueCapacity} is -1 for an
 * unbounded queue; {@code queuedBefore} the depth at the previous window's end (-1 if unknown).
 */
public record ThreadPool(
        String name, String kind, String creationSite, List<String> creationStack,
        int coreSize, int maxSize, int poolSize, int active, int largest,
        long queued, long queuedBefore, long queueCapacity,
        long submitted, long completed, long rejected, String rejectionPolicy, String rejectThread, List<String> rejectStack,
        long sampledWaits, Duration totalWait, Duration longestWait, List<Long> waitBuckets, Duration oldestPending,
        long sampledRuns, Duration totalRun, Duration longestRun, List<Long> runBuckets,
        boolean shutdown) {

    public Duration meanWait() { return sampledWaits == 0 ? Duration.ZERO : totalWait.dividedBy(sampledWaits); }

    public Duration meanRun() { return sampledRuns == 0 ? Duration.ZERO : totalRun.dividedBy(sampledRuns); }

    /** Every thread it may have is busy. */
    public boolean atMaximum() { return maxSize > 0 && active >= Math.min(maxSize, Math.max(poolSize, coreSize)); }
}
