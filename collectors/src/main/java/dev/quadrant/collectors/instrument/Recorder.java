package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Hooks;

/** Receives what the woven advice reports. Runs on application threads: every path is short and bounded. */
final class Recorder implements Hooks {
    static final int DEPTH = 32;
    private static final ClassValue<Boolean> IS_LOCK = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return LockWaits.isLock(type); }
    };
    private static final ThreadLocal<long[]> RUN = ThreadLocal.withInitial(() -> new long[2]);  // {tasks seen, sampled start}

    final PoolTable pools = new PoolTable();
    final ThreadSites threads = new ThreadSites();
    final LockWaits locks = new LockWaits();
    final FileCalls files = new FileCalls();
    final Lookups lookups = new Lookups();

    @Override public void poolCreated(Object pool) {
        PoolState p = pools.getOrRegister(pool);
        if (p != null && p.creationStack == null) p.creationStack = CallerStacks.capture(DEPTH);
    }

    @Override public void taskSubmitted(Object pool, Object task) {
        PoolState p = pools.getOrRegister(pool);
        if (p != null) p.submitted(task);
    }

    @Override public void taskStarted(Object pool, Object task) {
        PoolState p = pools.getOrRegister(pool);
        if (p == null) return;
        if (p.threadName == null) p.threadName = Thread.currentThread().getName();
        long[] run = RUN.get();
        boolean timeRun = ++run[0] % PoolState.SAMPLE_EVERY == 0;
        if (!timeRun && !p.hasPending()) return;  // 7 tasks in 8 stop here: no clock read
        long now = System.nanoTime();
        if (p.hasPending()) p.started(task, now);
        if (timeRun) run[1] = now;
    }

    @Override public void taskFinished(Object pool, Object task) {
        long[] run = RUN.get();
        if (run[1] == 0) return;
        long took = System.nanoTime() - run[1];
        run[1] = 0;
        PoolState p = pools.get(pool);
        if (p != null) p.runs.add(took);
    }

    @Override public void taskRejected(Object pool, Object task) {
        PoolState p = pools.getOrRegister(pool);
        if (p == null) return;
        p.rejected.incrementAndGet();
        if (p.rejectStack == null) {
            p.rejectThread = Thread.currentThread().getName();
            p.rejectStack = CallerStacks.capture(DEPTH);
        }
    }

    @Override public void threadStarted(Thread thread) { threads.started(thread); }

    @Override public long lockWaitStarted(Object sync) {
        return IS_LOCK.get(sync.getClass()) ? System.nanoTime() : 0;
    }

    @Override public void lockWaitEnded(Object sync, long startNanos) {
        locks.waited(sync, System.nanoTime() - startNanos);
    }

    @Override public void fileCall(Object stream, boolean write, int bytes) { files.call(stream, write, bytes); }

    @Override public void lookupEnded(String host, long startNanos, Throwable failure) {
        lookups.ended(host, System.nanoTime() - startNanos, failure);
    }
}
