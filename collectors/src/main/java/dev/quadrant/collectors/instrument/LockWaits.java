package dev.quadrant.collectors.instrument;

import dev.quadrant.core.Slowest;
import dev.quadrant.core.ThreadsEvidenceBuilder;
import dev.quadrant.core.Waiters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Slow-path acquisitions of ReentrantLock and ReentrantReadWriteLock, per lock instance, for one window. Only contended
 * acquisitions get here (the uncontended path is never woven), and only waits of 0.1 ms and more take the table's
 * monitor: a busy service hands its internal locks (queues, sockets) between threads in microseconds all the time.
 * The waiting stack is captured only when a wait is the lock's longest so far in the window.
 */
final class LockWaits {
    static final int MAX_LOCKS = ThreadsEvidenceBuilder.MAX_LOCKS;
    static final long MIN_RECORDED_NANOS = 100_000; // a briefer wait is a hand-off, not a queue: not worth a shared monitor
    static final long MIN_STACK_NANOS = 1_000_000;  // shorter waits are counted but their stack is not worth a walk
    static final int DEPTH = 32;

    private final Map<Object, Acc> locks = new WeakHashMap<>();  // the syncs do not override equals: identity keys
    private long dropped;

    static final class Acc {
        final String lockClass;
        final int identity;
        long waits, totalNanos;
        final Waiters threads = new Waiters();
        final Slowest longest = new Slowest();

        Acc(String lockClass, int identity) { this.lockClass = lockClass; this.identity = identity; }
    }

    record Snapshot(String lockClass, int identity, long waits, long totalNanos, long longestNanos, int threadCount,
                    List<String> threads, String longestWaiter, List<String> stack) {}

    void waited(Object sync, long nanos) {
        if (nanos < MIN_RECORDED_NANOS) return;
        Thread current = Thread.currentThread();
        String thread = current.getName();
        boolean longest;
        synchronized (this) {
            Acc a = locks.get(sync);
            if (a == null) {
                if (locks.size() >= MAX_LOCKS) { dropped++; return; }
                locks.put(sync, a = new Acc(lockClass(sync), System.identityHashCode(sync)));
            }
            a.waits++;
            a.totalNanos += nanos;
            a.threads.add(current.getId(), thread);
            longest = a.longest.offer(nanos, thread, List.of());
        }
        if (!longest || nanos < MIN_STACK_NANOS) return;
        List<String> stack = CallerStacks.capture(DEPTH);
        synchronized (this) {
            Acc a = locks.get(sync);
            if (a != null) a.longest.stackOf(nanos, stack);
        }
    }

    /** The window's waits, then starts over. */
    synchronized List<Snapshot> drain() {
        List<Snapshot> out = new ArrayList<>(locks.size());
        for (Acc a : locks.values()) {
            out.add(new Snapshot(a.lockClass, a.identity, a.waits, a.totalNanos, a.longest.nanos(), a.threads.count(),
                    a.threads.names(), a.longest.thread(), a.longest.stack()));
        }
        locks.clear();
        return out;
    }

    synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }

    /** {@code ReentrantLock$NonfairSync} reads as the lock users know: {@code java.util.concurrent.locks.ReentrantLock}. */
    static String lockClass(Object sync) {
        Class<?> outer = sync.getClass().getEnclosingClass();
        return outer != null ? outer.getName() : sync.getClass().getName();
    }

    static boolean isLock(Class<?> syncClass) {
        Class<?> outer = syncClass.getEnclosingClass();
        return outer == java.util.concurrent.locks.ReentrantLock.class
                || outer == java.util.concurrent.locks.ReentrantReadWriteLock.class;
    }
}
