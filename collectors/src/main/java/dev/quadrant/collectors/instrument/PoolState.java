package dev.quadrant.collectors.instrument;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What Quadrant knows about one executor, held weakly so a pool the application drops can be collected. The task path
 * touches only plain counters and, for one task in {@link #SAMPLE_EVERY}, a pending slot: queue wait and run time are
 * sampled, counts come from the pool's own getters on the tick.
 */
final class PoolState extends WeakReference<Object> {
    static final int SAMPLE_EVERY = 8;       // one task in 8 is timed: the distribution, at an eighth of the cost
    static final int PENDING_SLOTS = 8;      // sampled tasks waiting in the queue at once; more are simply not timed
    static final int MIN_SAMPLES_FOR_SHARED = 4;

    final String kind;
    final int identity;
    volatile List<String> creationStack;     // null: created before Quadrant was attached
    volatile String threadName;              // a worker's name, for the pool's display name
    // Written by every submitter on every execute: kept on a cache line of its own (index 16 of the array is 64 bytes
    // from either end), or the worker's reads of the fields below would miss the cache on every task.
    private final int[] submits = new int[32];
    private static final int SUBMITS = 16;
    final AtomicInteger pendingCount = new AtomicInteger();
    final AtomicReferenceArray<Pending> pending = new AtomicReferenceArray<>(PENDING_SLOTS);
    final AtomicLong rejected = new AtomicLong();
    volatile List<String> rejectStack;       // the first rejection's submitter in this window
    volatile String rejectThread;
    final TaskTimes waits = new TaskTimes();
    final TaskTimes runs = new TaskTimes();
    long lastSubmitted = -1, lastCompleted = -1, lastRejected, lastQueued = -1;  // tick thread only
    // Sampled submits, and those whose task was the object sampled just before: a pool fed one shared Runnable (a
    // static method reference, a task re-submitted while still queued) cannot be timed by task identity.
    private int sampledSubmits, sharedSamples, lastSampledTask;
    private long lastSubmitCount = -1;  // tick thread only

    record Pending(Object task, long nanos) {}

    PoolState(Object pool, String kind) {
        super(pool);
        this.kind = kind;
        this.identity = System.identityHashCode(pool);
    }

    static String kind(Object pool) {
        return pool instanceof java.util.concurrent.ForkJoinPool ? "ForkJoinPool" : pool.getClass().getName();
    }

    void submitted(Object task) {
        if (++submits[SUBMITS] % SAMPLE_EVERY != 0) return;  // racy on purpose: only picks a sample
        int identity = System.identityHashCode(task);
        if (identity == lastSampledTask) sharedSamples++;
        lastSampledTask = identity;
        sampledSubmits++;
        if (pendingCount.get() >= PENDING_SLOTS) return;
        Pending p = new Pending(task, System.nanoTime());
        for (int i = 0; i < PENDING_SLOTS; i++) {
            if (pending.get(i) == null && pending.compareAndSet(i, null, p)) {
                pendingCount.incrementAndGet();
                return;
            }
        }
    }

    /**
     * Whether most of the window's sampled submits handed over the same task object as the sample before: then a start
     * matches whichever copy of it is at the queue's head, and the timed waits say nothing. Starts the next window.
     */
    boolean takeSharedTasks() {
        boolean shared = sampledSubmits >= MIN_SAMPLES_FOR_SHARED && sharedSamples * 2 >= sampledSubmits;
        sampledSubmits = 0;
        sharedSamples = 0;
        return shared;
    }

    /** Submits counted by the advice since the last call (approximate: the counter is racy), for pools that count none. */
    long takeSubmits() {
        int now = submits[SUBMITS];
        long n = lastSubmitCount < 0 ? 0 : (now - lastSubmitCount) & 0xffffffffL;
        lastSubmitCount = now;
        return n;
    }

    /** Whether a sampled task may be waiting: only then is the clock read and the slots searched. */
    boolean hasPending() { return pendingCount.get() > 0; }

    void started(Object task, long now) {
        for (int i = 0; i < PENDING_SLOTS; i++) {
            Pending p = pending.get(i);
            if (p != null && p.task == task && pending.compareAndSet(i, p, null)) {
                pendingCount.decrementAndGet();
                waits.add(now - p.nanos);
                return;
            }
        }
    }

    /** The longest a sampled task has been waiting and is still waiting, or 0. */
    long oldestPendingNanos(long now) {
        long oldest = 0;
        for (int i = 0; i < PENDING_SLOTS; i++) {
            Pending p = pending.get(i);
            if (p != null) oldest = Math.max(oldest, now - p.nanos);
        }
        return oldest;
    }

    /** Forgets sampled tasks stamped before {@code before}: with the queue empty they were removed, not run. */
    void dropPendingOlderThan(long before) {
        for (int i = 0; i < PENDING_SLOTS; i++) {
            Pending p = pending.get(i);
            if (p != null && p.nanos - before < 0 && pending.compareAndSet(i, p, null)) pendingCount.decrementAndGet();
        }
    }
}
