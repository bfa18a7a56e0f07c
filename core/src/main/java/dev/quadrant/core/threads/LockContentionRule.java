package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.MonitorContention;
import java.util.Optional;

/**
 * Threads spend long blocked on one lock: a monitor entered at one site (JFR), or one ReentrantLock or
 * ReentrantReadWriteLock instance (woven; only contended acquisitions are timed). Two measures must both be high: the average number of
 * threads blocked on it (total blocked time / window length: how much work the lock holds up), and the share
 * of their time the threads that wait for it spend waiting (how much each of them is slowed down). The first
 * alone would flag a lock that 200 threads touch briefly; the second alone, one thread that waited once.
 */
public final class LockContentionRule implements Rule {
    static final double MIN_BLOCKED_THREADS = 0.02;      // 1.2 s blocked per minute: below that, nothing to say
    static final double WARN_BLOCKED_THREADS = 0.25;     // a quarter of a thread's time lost, every second
    static final double CRITICAL_BLOCKED_THREADS = 1.0;  // a whole thread's worth of time lost to one lock
    static final double WARN_WAITER_SHARE = 0.10;        // a request thread losing a tenth of its time to one lock
    static final double CRITICAL_WAITER_SHARE = 0.50;    // the lock serialises its users: they wait more than they work

    @Override public String id() { return "threads.lock-contention"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public boolean quietWhileStartingUp() { return true; }

    static final RuleInfo INFO = new RuleInfo("Threads queue on a lock",
            "Threads spend a large part of their time blocked on one lock, a monitor (synchronized) or a ReentrantLock /"
            + " ReentrantReadWriteLock: the lock, the code that waits, who held it (with its stack when seen) and who waited.",
            "Average blocked threads 0.25 warning, 1 critical, and the waiters lose at least 10% (warning) or 50% (critical) of"
            + " their time; JFR records monitor waits of 10 ms and more, contended java.util.concurrent lock waits of 0.1 ms and more.",
            "Hold the lock for less time (no I/O or slow calls inside it), split it, or use a concurrent structure.",
            "jcmd <pid> Thread.print (BLOCKED threads waiting to lock the same monitor)");

    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        if (window.threads().monitors().isEmpty()) return Optional.empty();
        MonitorContention worst = window.threads().monitors().get(0);  // sorted by total blocked time
        double blockedThreads = worst.totalBlocked().toNanos() / (double) window.duration().toNanos();
        if (blockedThreads < MIN_BLOCKED_THREADS) return Optional.empty();
        double waiterShare = blockedThreads / Math.max(1, worst.threadCount());
        int score = Score.both(Score.of(blockedThreads, WARN_BLOCKED_THREADS, CRITICAL_BLOCKED_THREADS),
                Score.of(waiterShare, WARN_WAITER_SHARE, CRITICAL_WAITER_SHARE));
        String site = Frames.firstApplicationFrame(worst.stack());
        boolean lock = worst.kind() == MonitorContention.Kind.LOCK;
        String what = lock ? worst.monitorClass() : worst.monitorClass() + " monitor";
        return Optional.of(Finding.of(this, score)
                .title(worst.threadCount() + (worst.threadCount() == 1 ? " thread" : " threads") + " blocked "
                        + Units.human(worst.totalBlocked()) + " on " + what + " at " + Frames.method(site))
                .detail("On average " + Units.decimal(blockedThreads) + " threads were blocked on this " + (lock ? "lock" : "monitor") + " during the "
                        + Units.human(window.duration()) + " window (warning at " + WARN_BLOCKED_THREADS + ", critical at "
                        + CRITICAL_BLOCKED_THREADS + "); the " + worst.threadCount() + " waiting threads spent "
                        + Units.percent(waiterShare) + " of their time waiting (warning at " + Units.percent(WARN_WAITER_SHARE)
                        + ", critical at " + Units.percent(CRITICAL_WAITER_SHARE) + "); " + worst.waits()
                        + (lock ? " contended acquisitions" : " waits over JFR's threshold") + ", the longest " + Units.human(worst.longest())
                        + (worst.owner() == null ? "" : "; held by \"" + worst.owner() + "\"") + ".")
                .evidence("kind", worst.kind().label())
                .evidence(lock ? "lock" : "monitorClass", worst.monitorClass())
                .evidence("site", site)
                .evidence("waits", worst.waits())
                .evidence("blockedMs", worst.totalBlocked().toMillis())
                .evidence("longestWaitMs", worst.longest().toMillis())
                .evidence("averageBlockedThreads", Units.round(blockedThreads, 2))
                .evidence("waitingThreadCount", worst.threadCount())
                .evidence("waiterTimeBlockedShare", Units.round(waiterShare, 3))
                .evidence("longestWaiter", worst.longestWaiter())
                .evidence("owner", worst.owner())
                .evidence("waitingThreads", worst.threads())
                .evidence("ownerStack", worst.ownerStack().isEmpty() ? null : worst.ownerStack())
                .evidence("otherContendedLocks", window.threads().monitors().size() - 1)
                .stack(worst.stack())
                .recommendation("Hold the " + what + " for less time at " + site
                        + (worst.ownerStack().isEmpty() ? "" : " (the holder was at " + Frames.firstApplicationFrame(worst.ownerStack()) + ")")
                        + ": move slow work (I/O, logging, large copies) out of the " + (lock ? "locked section" : "synchronized block") + ", split the lock,"
                        + " or replace the guarded structure with a concurrent one (ConcurrentHashMap, LongAdder, atomics).")
                .verify(lock ? "jcmd " + window.pid() + " Thread.print -l (threads 'parking to wait for' the same " + worst.monitorClass()
                        + "'s Sync; the holder lists it under 'Locked ownable synchronizers')"
                        : "jcmd " + window.pid() + " Thread.print -l (threads BLOCKED 'waiting to lock' the same " + worst.monitorClass()
                        + "); jfr print --events jdk.JavaMonitorEnter on a recording")
                .build());
    }
}
