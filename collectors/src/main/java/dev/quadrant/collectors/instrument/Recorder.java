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
    final OpenFiles openFiles = new OpenFiles();

    /**
     * Runs every path of the hooks once, sampled branches included, then forgets what it recorded. After this, no hook
     * loads a class: a class loaded from the agent's jar inside advice on a stream the class loader itself is reading
     * would interleave with that read.
     */
    void warmUp() {
        Object pool = new Object(), task = new Object(), sync = new Object(), stream = new Object();
        poolCreated(pool);
        for (int i = 0; i < PoolState.SAMPLE_EVERY; i++) taskSubmitted(pool, task);
        for (int i = 0; i < PoolState.SAMPLE_EVERY; i++) { taskStarted(pool, task); taskFinished(pool, task); }
        taskRejected(pool, task);
        PoolState p = pools.get(pool);
        p.oldestPendingNanos(System.nanoTime());
        p.dropPendingOlderThan(System.nanoTime());
        p.waits.drain();
        p.runs.drain();
        threads.started(Thread.currentThread());
        threads.retainLive(java.util.Set.of());
        lockWaitStarted(sync);
        locks.waited(sync, LockWaits.MIN_STACK_NANOS * 2);
        locks.drain();
        files.opened(stream, "warm-up");
        files.call(stream, true, 1);
        files.place(stream, true, 1);
        files.closed(stream);
        // streams on the standard descriptors: the path lookup runs without opening anything (never closed: stdin/stdout)
        files.place(new java.io.FileInputStream(java.io.FileDescriptor.in), false, 1);
        files.place(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, 1);
        files.drain();
        openFiles.remember(stream);
        openFiles.closed(stream);
        openFiles.stillOpen();
        lookups.ended("localhost", Lookups.STACK_NANOS * 2, new java.net.UnknownHostException("warm-up"));
        connectionWaitEnded(pool, System.nanoTime(), new IllegalStateException("warm-up"));
        lookups.drain();
        pools.expunge();
    }

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

    @Override public void fileCall(Object stream, boolean write, int bytes) {
        if (bytes <= FileCalls.SMALL_BYTES) files.call(stream, write, bytes);
    }

    @Override public void fileOpened(Object stream, String path) {
        if (path != null) files.opened(stream, path);
        openFiles.opened(stream);
    }

    @Override public void fileClosed(Object stream) {
        openFiles.closed(stream);
        files.closed(stream);
    }

    /** Every getConnection is timed (the wait matters only when it is long, and then it dwarfs two clock reads). */
    @Override public void connectionWaitEnded(Object pool, long startNanos, Throwable failure) {
        PoolState p = pools.getOrRegister(pool);
        if (p == null) return;
        p.waits.add(System.nanoTime() - startNanos);
        if (failure == null) return;
        p.rejected.incrementAndGet();
        if (p.rejectStack == null) {
            p.rejectThread = Thread.currentThread().getName();
            p.rejectStack = withoutLeading(CallerStacks.capture(DEPTH), "com.zaxxer.hikari.");  // from the code that asked
        }
    }

    private static java.util.List<String> withoutLeading(java.util.List<String> stack, String prefix) {
        int i = 0;
        while (i < stack.size() - 1 && stack.get(i).startsWith(prefix)) i++;
        return stack.subList(i, stack.size());
    }

    @Override public void lookupEnded(String host, long startNanos, Throwable failure) {
        lookups.ended(host, System.nanoTime() - startNanos, failure);
    }
}
