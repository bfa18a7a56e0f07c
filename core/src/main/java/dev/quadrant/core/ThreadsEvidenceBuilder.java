package dev.quadrant.core;

import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.DeadlockedThread;
import dev.quadrant.core.evidence.EventLoopStall;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.LiveThreads;
import dev.quadrant.core.evidence.MonitorContention;
import dev.quadrant.core.evidence.ThreadPool;
import dev.quadrant.core.evidence.ThreadsEvidence;
import dev.quadrant.core.evidence.Timeline;
import dev.quadrant.core.evidence.VirtualPinning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates one window's THREADS evidence: monitor waits (JFR, per class and site), java.util.concurrent lock waits
 * (woven, per instance) with who held the lock, threads stuck in untimed calls, pools, thread groups, deadlocks, pinning.
 */
public final class ThreadsEvidenceBuilder {
    static final int MAX_MONITOR_KEYS = 256;     // distinct (monitor class, site) pairs
    public static final int MAX_LOCKS = 256;            // java.util.concurrent locks with contended waits
    public static final int MAX_THREAD_NAMES = 16;      // waiter names shown per monitor
    public static final int MAX_COUNTED_THREADS = 128;  // distinct waiters counted per monitor
    public static final int MAX_EVENT_LOOPS = 256;      // event-loop threads watched; a server runs two per core
    static final int MAX_BLOCKED_CALLS = 64;     // threads reported stuck in one window
    public static final int MAX_POOLS = 512;
    public static final int MAX_THREAD_GROUPS = 64;
    static final int MAX_DEADLOCKED = 64;
    static final int MAX_PINNING_SITES = 256;

    private final Intake intake;
    private final CappedTable<MonitorKey, MonitorWaits> monitors;
    private final CappedList<LockWaits> locks;
    private final CappedTable<Integer, Holder> lockHolders;   // lock identity -> who held it when a waiter was seen
    private final CallTreeBuilder lockWaitMicros = new CallTreeBuilder();
    private final CappedList<BlockedCall> blockedCalls;
    private final CappedList<ThreadPool> pools;
    private final CappedList<LiveThreads> groups;
    private final CappedList<DeadlockedThread> deadlocked;
    private final CappedTable<String, Pinned> pinning;
    private final CappedList<EventLoopStall> eventLoopStalls;

    ThreadsEvidenceBuilder(Intake intake) {
        this.intake = intake;
        monitors = new CappedTable<>(MAX_MONITOR_KEYS, intake);
        locks = new CappedList<>(MAX_LOCKS, intake);
        lockHolders = new CappedTable<>(MAX_LOCKS, intake);
        blockedCalls = new CappedList<>(MAX_BLOCKED_CALLS, intake);
        pools = new CappedList<>(MAX_POOLS, intake);
        groups = new CappedList<>(MAX_THREAD_GROUPS, intake);
        deadlocked = new CappedList<>(MAX_DEADLOCKED, intake);
        pinning = new CappedTable<>(MAX_PINNING_SITES, intake);
        eventLoopStalls = new CappedList<>(MAX_EVENT_LOOPS, intake);
    }

    public synchronized void monitorWait(String monitorClass, long threadId, String thread, String owner, Duration waited, List<String> stack) {
        if (!intake.accept()) return;
        MonitorWaits waits = monitors.row(new MonitorKey(monitorClass, stack.isEmpty() ? "(unknown)" : stack.get(0)), k -> new MonitorWaits());
        if (waits == null) return;
        waits.add(threadId, thread, owner, waited.toNanos(), stack);
        lockWaitMicros.add(stack, "waiting for " + monitorClass, waited.toNanos() / 1000);
    }

    /**
     * Contended waits for one java.util.concurrent lock instance over the window ({@code identity} is its identity hash,
     * to match a holder seen by {@link #lockHolder}).
     */
    public synchronized void lockWaits(String lockClass, int identity, long waits, Duration total, Duration longest, int threadCount,
                                       List<String> threads, String longestWaiter, List<String> stack) {
        if (!intake.accept()) return;
        String site = Frames.firstApplicationFrame(stack);
        MonitorContention contention = new MonitorContention(MonitorContention.Kind.LOCK, lockClass + "@" + Integer.toHexString(identity),
                site, waits, total, longest, threadCount, threads, longestWaiter, null, stack, List.of());
        if (!locks.add(new LockWaits(identity, contention))) return;
        // only the longest wait's stack is recorded per lock: the lock's whole wait time is drawn under it
        lockWaitMicros.add(stack, "waiting for " + lockClass, total.toNanos() / 1000);
    }

    /** A thread seen holding a java.util.concurrent lock another thread waited for, with its stack at that moment. */
    public synchronized void lockHolder(int identity, String thread, List<String> stack) {
        if (intake.accept()) lockHolders.putIfAbsent(identity, new Holder(thread, stack));
    }

    public synchronized void blockedCall(BlockedCall call) {
        if (intake.accept()) blockedCalls.add(call);
    }

    public synchronized void pool(ThreadPool pool) {
        if (intake.accept()) pools.add(pool);
    }

    public synchronized void liveThreads(LiveThreads group) {
        if (intake.accept()) groups.add(group);
    }

    /** The longest time one event loop was kept from its selector in the window. */
    public synchronized void eventLoopStall(EventLoopStall stall) {
        if (intake.accept()) eventLoopStalls.add(stall);
    }

    public synchronized void deadlocked(DeadlockedThread thread) {
        if (intake.accept()) deadlocked.add(thread);
    }

    /** A virtual thread blocked while pinned to its carrier. */
    public synchronized void virtualPinned(Duration took, String thread, List<String> stack) {
        if (!intake.accept()) return;
        Pinned p = pinning.row(Frames.firstApplicationFrame(stack), k -> new Pinned());
        if (p == null) return;
        p.count++;
        p.totalNanos += took.toNanos();
        p.longest.offer(took.toNanos(), thread, stack);
    }

    synchronized ThreadsEvidence build(JvmSample.Builder jvm) {
        List<ThreadPool> allPools = pools.items();
        jvm.poolQueues(deepestQueues(allPools));
        List<EventLoopStall> stalls = new ArrayList<>(eventLoopStalls.items());
        stalls.sort(Comparator.comparing(EventLoopStall::stalled).reversed());
        return new ThreadsEvidence(contention(), lockWaitMicros.build(), blockedCalls.items(), allPools, groups.items(), deadlocked.items(),
                virtualPinning(), stalls);
    }

    /** The deepest pool queues at the window's end (pools of one name summed), kept in the history for the run's chart. */
    private static Map<String, Long> deepestQueues(List<ThreadPool> pools) {
        Map<String, Long> depth = new HashMap<>();
        for (ThreadPool p : pools) depth.merge(p.name(), Math.max(0, p.queue().queued()), Long::sum);
        return Timeline.deepest(depth);
    }

    /** Monitors and java.util.concurrent locks in one list, most blocked time first. */
    private List<MonitorContention> contention() {
        List<MonitorContention> all = new ArrayList<>();
        for (Map.Entry<MonitorKey, MonitorWaits> e : monitors.entries()) all.add(e.getValue().toContention(e.getKey()));
        for (LockWaits l : locks.view()) {
            MonitorContention c = l.contention();
            Holder h = lockHolders.get(l.identity());
            all.add(h == null ? c : new MonitorContention(c.kind(), c.monitorClass(), c.site(), c.waits(), c.totalBlocked(), c.longest(),
                    c.threadCount(), c.threads(), c.longestWaiter(), h.thread(), c.stack(), h.stack()));
        }
        all.sort(Comparator.comparing(MonitorContention::totalBlocked).reversed());
        return all;
    }

    private List<VirtualPinning> virtualPinning() {
        return pinning.entries().stream()
                .map(e -> new VirtualPinning(e.getKey(), e.getValue().count, Duration.ofNanos(e.getValue().totalNanos),
                        e.getValue().longest.duration(), e.getValue().longest.thread(), e.getValue().longest.stack()))
                .sorted(Comparator.comparing(VirtualPinning::total).reversed())
                .toList();
    }

    private record MonitorKey(String monitorClass, String site) {}

    private record LockWaits(int identity, MonitorContention contention) {}

    private record Holder(String thread, List<String> stack) {}

    private static final class Pinned {
        long count, totalNanos;
        final Slowest longest = new Slowest();
    }

    private static final class MonitorWaits {
        long waits, totalNanos;
        final Waiters threads = new Waiters();
        final Slowest longest = new Slowest();  // its detail: the owner when the longest wait began

        void add(long threadId, String thread, String owner, long nanos, List<String> stack) {
            waits++;
            totalNanos += nanos;
            threads.add(threadId, thread);
            longest.offer(nanos, thread, stack, owner);
        }

        MonitorContention toContention(MonitorKey key) {
            return new MonitorContention(MonitorContention.Kind.MONITOR, key.monitorClass(), key.site(), waits, Duration.ofNanos(totalNanos),
                    longest.duration(), threads.count(), threads.names(), longest.thread(), longest.detail(),
                    longest.stack(), List.of());
        }
    }
}
