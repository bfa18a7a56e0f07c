package dev.quadrant.bench.jmh;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JDK paths Quadrant weaves, per call. Run once without the agent and once with it
 * ({@code -jvmArgsAppend -javaagent:agent/target/quadrant-agent.jar=...}, with {@code instrument=off} and on):
 * the difference is the advice's cost. {@code src/test/bench/run.sh} runs all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdviceBenchmark {
    static final int TASKS = 1_000;

    @State(Scope.Benchmark)
    public static class Pool {
        ThreadPoolExecutor executor;
        final AtomicLong done = new AtomicLong();
        Runnable task;

        @Setup(Level.Trial) public void start() {
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            task = done::incrementAndGet;
        }

        @TearDown(Level.Trial) public void stop() { executor.shutdownNow(); }
    }

    /** execute() plus the task's run on the worker (queue hand-off, beforeExecute, afterExecute), per task. */
    @Benchmark @OperationsPerInvocation(TASKS)
    public long poolTask(Pool p) {
        long target = p.done.get() + TASKS;
        for (int i = 0; i < TASKS; i++) p.executor.execute(p.task);
        while (p.done.get() < target) Thread.onSpinWait();
        return target;
    }

    /** The server pools woven like the JDK's: Tomcat's executor and Jetty's QueuedThreadPool, one worker each. */
    @State(Scope.Benchmark)
    public static class ServerPools {
        org.apache.tomcat.util.threads.ThreadPoolExecutor tomcat;
        org.eclipse.jetty.util.thread.QueuedThreadPool jetty;
        final AtomicLong done = new AtomicLong();
        Runnable task;

        @Setup(Level.Trial) public void start() throws Exception {
            tomcat = new org.apache.tomcat.util.threads.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            jetty = new org.eclipse.jetty.util.thread.QueuedThreadPool(2, 2);  // Jetty needs a thread to spare for its own
            jetty.setReservedThreads(0);
            jetty.start();
            task = done::incrementAndGet;
        }

        @TearDown(Level.Trial) public void stop() throws Exception {
            tomcat.shutdownNow();
            jetty.stop();
        }
    }

    /** Tomcat's execute() plus the run, per task (its connectors hand every request to this pool). */
    @Benchmark @OperationsPerInvocation(TASKS)
    public long tomcatPoolTask(ServerPools p) { return run(p.tomcat::execute, p); }

    /** Jetty's execute() plus runJob(), per task. */
    @Benchmark @OperationsPerInvocation(TASKS)
    public long jettyPoolTask(ServerPools p) { return run(p.jetty::execute, p); }

    private static long run(java.util.function.Consumer<Runnable> pool, ServerPools p) {
        long target = p.done.get() + TASKS;
        for (int i = 0; i < TASKS; i++) pool.accept(p.task);
        while (p.done.get() < target) Thread.onSpinWait();
        return target;
    }

    @State(Scope.Benchmark)
    public static class Connections {
        com.zaxxer.hikari.HikariDataSource pool;

        @Setup(Level.Trial) public void start() {
            com.zaxxer.hikari.HikariConfig c = new com.zaxxer.hikari.HikariConfig();
            c.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
            c.setMaximumPoolSize(2);
            pool = new com.zaxxer.hikari.HikariDataSource(c);
        }

        @TearDown(Level.Trial) public void stop() { pool.close(); }
    }

    /** HikariCP's getConnection() and close() of a free connection: the woven call is timed on every request. */
    @Benchmark
    public boolean hikariConnection(Connections c) throws java.sql.SQLException {
        try (java.sql.Connection conn = c.pool.getConnection()) {
            return conn.getAutoCommit();
        }
    }

    @State(Scope.Thread)
    public static class OwnLock {
        final ReentrantLock lock = new ReentrantLock();
        long counter;
    }

    /** lock() and unlock() of a lock no other thread touches: the path every application takes most. */
    @Benchmark
    public long uncontendedLock(OwnLock s) {
        s.lock.lock();
        try {
            return ++s.counter;
        } finally {
            s.lock.unlock();
        }
    }

    @State(Scope.Group)
    public static class SharedLock {
        final ReentrantLock lock = new ReentrantLock();
        long counter;
    }

    /** Two threads on one lock: many acquisitions take the slow path, which is where the advice times the wait. */
    @Benchmark @Group("contended") @GroupThreads(2)
    public long contendedLock(SharedLock s) {
        s.lock.lock();
        try {
            return ++s.counter;
        } finally {
            s.lock.unlock();
        }
    }

    /** Starting (and joining) a platform thread: the advice captures the start site once per thread. */
    @Benchmark
    public void threadStart() throws InterruptedException {
        Thread t = new Thread(() -> { });
        t.start();
        t.join();
    }
}
