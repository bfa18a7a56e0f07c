package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.DeadlockedThread;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the JVM for deadlocked threads once per window (monitors and ownable synchronizers such as ReentrantLock), and
 * describes each thread of the cycle: what it waits for, who holds that, what it holds. The check stops the JVM, longer
 * the more threads it has: like the thread dumps, it waits {@code costShare} times its own last duration before the
 * next, except on the last tick.
 */
public final class DeadlockSampler implements Collector {
    static final int MAX_DEPTH = 48;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long costShare;
    private long lastCheckNanos, lastCostNanos, lastPauseNanos;

    public DeadlockSampler(long costShare) { this.costShare = costShare; }

    @Override public String name() { return "deadlock sampler"; }

    @Override public long lastPauseNanos() { return lastPauseNanos; }

    @Override public void sample(WindowBuilder window, Tick tick) {
        long started = System.nanoTime();
        lastPauseNanos = 0;
        if (!tick.last() && started - lastCheckNanos < lastCostNanos * costShare) return;
        try {
            sample(window);
        } finally {
            lastCostNanos = lastPauseNanos = System.nanoTime() - started;
            lastCheckNanos = started;
        }
    }

    void sample(WindowBuilder window) {
        long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
        if (ids == null || ids.length == 0) return;
        for (ThreadInfo info : threads.getThreadInfo(ids, threads.isObjectMonitorUsageSupported(), threads.isSynchronizerUsageSupported())) {
            if (info == null) continue;
            List<String> holds = new ArrayList<>();
            for (MonitorInfo m : info.getLockedMonitors()) holds.add(describe(m));
            for (LockInfo l : info.getLockedSynchronizers()) holds.add(describe(l));
            window.threads().deadlocked(new DeadlockedThread(info.getThreadName(), info.getThreadState().name(),
                    info.getLockInfo() == null ? "(unknown)" : describe(info.getLockInfo()),
                    info.getLockOwnerName() == null ? "(unknown)" : info.getLockOwnerName(), holds,
                    StackFrames.of(info.getStackTrace(), MAX_DEPTH)));
        }
    }

    static String describe(LockInfo lock) {
        return lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
