package dev.quadrant.collectors.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

/** What the advice reports, called directly (the weaving itself is tested end to end on real JVMs). */
class RecorderTest {
    private final Recorder recorder = new Recorder();

    /** The filter every hook goes through is the agent's, not the caller: a creation site starts at the code that called the JDK. */
    @Test void aStackCapturedThroughTheHookFilterStartsAtTheCaller() {
        Thread t = new Thread(() -> { }, "export-8");
        new ApplicationThreadsOnly(recorder).threadStarted(t);
        assertThat(recorder.threads.siteOf(t.getId()).get(0)).contains("RecorderTest.aStackCapturedThroughTheHookFilterStartsAtTheCaller");
    }

    @Test void poolsAreFoundByIdentityAndHeldWeakly() {
        PoolTable table = new PoolTable();
        List<Object> pools = new ArrayList<>();
        for (int i = 0; i < 300; i++) pools.add(new Object());
        for (Object p : pools) assertThat(table.getOrRegister(p)).isNotNull();
        for (Object p : pools) assertThat(table.get(p).get()).isSameAs(p);
        assertThat(table.get(new Object())).isNull();
        assertThat(table.expunge()).hasSize(300);
        pools.subList(0, 200).clear();
        for (int i = 0; i < 5 && table.expunge().size() > 100; i++) System.gc();
        assertThat(table.expunge()).hasSize(100);
        for (Object p : pools) assertThat(table.get(p)).isNotNull();
    }

    @Test void theTableStopsGrowingAtItsLimit() {
        PoolTable table = new PoolTable();
        List<Object> pools = new ArrayList<>();
        for (int i = 0; i < PoolTable.MAX_POOLS + 10; i++) pools.add(new Object());
        long registered = pools.stream().filter(p -> table.getOrRegister(p) != null).count();
        assertThat(registered).isEqualTo(PoolTable.MAX_POOLS);
        assertThat(table.untracked()).isPositive();
    }

    @Test void aPoolFedOneSharedTaskObjectIsToldFromOneFedDistinctTasks() {
        Object shared = new Object(), distinct = new Object();
        Runnable settle = () -> {};
        for (int i = 0; i < 64; i++) recorder.taskSubmitted(shared, settle);
        for (int i = 0; i < 64; i++) recorder.taskSubmitted(distinct, new Object());
        assertThat(recorder.pools.get(shared).takeSharedTasks()).isTrue();
        assertThat(recorder.pools.get(shared).takeSharedTasks()).as("starts over each window").isFalse();
        assertThat(recorder.pools.get(distinct).takeSharedTasks()).isFalse();
    }

    @Test void lockWaitersAreCountedByThreadNotByName() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) workers.add(new Thread(() -> recorder.locks.waited(lock, 2_000_000), "ledger-worker"));
        for (Thread t : workers) t.start();
        for (Thread t : workers) t.join();
        LockWaits.Snapshot s = recorder.locks.drain().get(0);
        assertThat(s.threadCount()).isEqualTo(4);
        assertThat(s.threads()).containsExactly("ledger-worker");
    }

    @Test void oneTaskInEightIsTimedFromSubmitToStart() throws Exception {
        Object pool = new Object();
        List<Object> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Object task = new Object();
            tasks.add(task);
            recorder.taskSubmitted(pool, task);
        }
        PoolState state = recorder.pools.get(pool);
        assertThat(state.pendingCount.get()).isEqualTo(PoolState.PENDING_SLOTS);  // 8 sampled, all slots full
        Thread.sleep(20);
        assertThat(state.oldestPendingNanos(System.nanoTime())).isGreaterThanOrEqualTo(20_000_000);
        for (Object task : tasks) recorder.taskStarted(pool, task);
        TaskTimes.Snapshot waits = state.waits.drain();
        assertThat(waits.count()).isEqualTo(8);
        assertThat(waits.longestNanos()).isGreaterThanOrEqualTo(20_000_000);
        assertThat(state.pendingCount.get()).isZero();
    }

    @Test void tasksRemovedFromTheQueueAreForgotten() {
        Object pool = new Object();
        for (int i = 0; i < 8; i++) recorder.taskSubmitted(pool, new Object());
        PoolState state = recorder.pools.get(pool);
        assertThat(state.pendingCount.get()).isEqualTo(1);
        state.dropPendingOlderThan(System.nanoTime());
        assertThat(state.pendingCount.get()).isZero();
        assertThat(state.oldestPendingNanos(System.nanoTime())).isZero();
    }

    @Test void runTimeIsSampledPerWorkerThread() throws InterruptedException {
        Object pool = new Object();
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 16; i++) {
                Object task = new Object();
                recorder.taskStarted(pool, task);
                recorder.taskFinished(pool, task);
            }
        }, "worker-3");
        worker.start();
        worker.join();
        assertThat(recorder.pools.get(pool).runs.drain().count()).isEqualTo(2);
        assertThat(recorder.pools.get(pool).threadName).isEqualTo("worker-3");
    }

    @Test void rejectionsAreCountedWithTheFirstSubmittersStack() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            recorder.taskRejected(pool, new Object());
            recorder.taskRejected(pool, new Object());
            PoolState state = recorder.pools.get(pool);
            assertThat(state.rejected.get()).isEqualTo(2);
            assertThat(state.rejectStack).anyMatch(f -> f.contains("RecorderTest.rejectionsAreCountedWithTheFirstSubmittersStack"));
            assertThat(state.rejectStack.get(0)).startsWith("dev.quadrant.collectors.instrument.RecorderTest.");
        } finally {
            pool.shutdown();
        }
    }

    @Test void onlyReentrantLocksAreTimedAndTheLongestWaitKeepsItsStack() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Object sync = syncOf(lock);
        assertThat(recorder.lockWaitStarted(new Object())).isZero();
        assertThat(LockWaits.isLock(syncOf(new ReentrantReadWriteLock().writeLock()).getClass())).isTrue();
        long start = recorder.lockWaitStarted(sync);
        assertThat(start).isNotZero();
        Thread.sleep(5);
        recorder.lockWaitEnded(sync, start);
        recorder.lockWaitEnded(sync, System.nanoTime() - 200_000);
        recorder.lockWaitEnded(sync, System.nanoTime() - 1_000);  // a hand-off, not recorded
        List<LockWaits.Snapshot> waits = recorder.locks.drain();
        assertThat(waits).hasSize(1);
        LockWaits.Snapshot w = waits.get(0);
        assertThat(w.lockClass()).isEqualTo("java.util.concurrent.locks.ReentrantLock");
        assertThat(w.waits()).isEqualTo(2);
        assertThat(w.longestNanos()).isGreaterThanOrEqualTo(5_000_000);
        assertThat(w.stack()).anyMatch(f -> f.contains("RecorderTest.onlyReentrantLocksAreTimed"));
        assertThat(recorder.locks.drain()).isEmpty();
    }

    @Test void smallFileCallsAreCountedAndSomePlaced() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tiny", ".txt");
        try (java.io.FileOutputStream out = new java.io.FileOutputStream(file.toFile())) {
            recorder.fileOpened(out, file.toString());
            for (int i = 0; i < 50_000; i++) recorder.fileCall(out, true, 1);
            recorder.fileCall(out, true, 8192);  // a buffered write: not small
        }
        FileCalls.Snapshot s = recorder.files.drain();
        assertThat(s.writes()).isEqualTo(50_000);
        assertThat(s.bytes()).isEqualTo(50_000);
        assertThat(s.sites()).isNotEmpty();
        assertThat(s.sites().get(0).site()).contains("RecorderTest.smallFileCallsAreCountedAndSomePlaced");
        assertThat(s.sites().get(0).operation()).isEqualTo("write");
        assertThat(s.sites().get(0).path()).isEqualTo(file.toString());
        assertThat(recorder.files.drain().writes()).isZero();
    }

    @Test void lookupsArePerHostWithFailuresAndTheSlowestStack() {
        recorder.lookupEnded("db.internal", System.nanoTime() - 30_000_000, null);
        recorder.lookupEnded("db.internal", System.nanoTime() - 10_000, null);
        recorder.lookupEnded("old.legacy", System.nanoTime() - 2_000_000, new java.net.UnknownHostException("old.legacy"));
        List<Lookups.Snapshot> hosts = recorder.lookups.drain();
        Lookups.Snapshot db = hosts.stream().filter(h -> h.host().equals("db.internal")).findFirst().orElseThrow();
        assertThat(db.lookups()).isEqualTo(2);
        assertThat(db.resolved()).isEqualTo(1);  // the other came from the cache
        assertThat(db.longestNanos()).isGreaterThanOrEqualTo(30_000_000);
        assertThat(db.stack()).anyMatch(f -> f.contains("RecorderTest.lookupsArePerHost"));
        Lookups.Snapshot old = hosts.stream().filter(h -> h.host().equals("old.legacy")).findFirst().orElseThrow();
        assertThat(old.failures()).isEqualTo(1);
        assertThat(old.failure()).startsWith("UnknownHostException");
    }

    @Test void streamsLeftOpenAreCountedByTheSiteThatOpenedThem() {
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            Object stream = new Object();
            recorder.fileOpened(stream, null);
            if (i % 2 == 0) kept.add(stream);
            else recorder.fileClosed(stream);
        }
        List<OpenFiles.Site> open = recorder.openFiles.stillOpen();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).site()).contains("RecorderTest.streamsLeftOpenAreCountedByTheSiteThatOpenedThem");
        assertThat(open.get(0).open()).isBetween(1_000L, 3_000L);  // about 2,000: one open in 8 is sampled
        for (Object stream : kept) recorder.fileClosed(stream);
        assertThat(recorder.openFiles.stillOpen()).isEmpty();
    }

    @Test void threadsAreRememberedWithTheirCreationSiteUntilTheyEnd() throws Exception {
        Thread t = new Thread(() -> { }, "export-7");
        recorder.threadStarted(t);
        assertThat(recorder.threads.siteOf(t.getId())).anyMatch(f -> f.contains("RecorderTest.threadsAreRemembered"));
        recorder.threads.retainLive(java.util.Set.of());
        assertThat(recorder.threads.siteOf(t.getId())).isNull();
    }

    /** The lock's AbstractQueuedSynchronizer, as the advice sees it ({@code this} in acquire): what a thread queued on it parks on. */
    private static Object syncOf(java.util.concurrent.locks.Lock lock) throws InterruptedException {
        lock.lock();
        Thread waiter = new Thread(() -> { lock.lock(); lock.unlock(); });
        waiter.start();
        try {
            Object blocker;
            while ((blocker = java.util.concurrent.locks.LockSupport.getBlocker(waiter)) == null) Thread.sleep(1);
            return blocker;
        } finally {
            lock.unlock();
            waiter.join();
        }
    }
}
