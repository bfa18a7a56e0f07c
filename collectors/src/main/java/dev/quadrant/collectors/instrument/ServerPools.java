package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * The request pools of server libraries, read through their own public getters by name: the libraries are the
 * application's, never on Quadrant's class path. One {@link Getters} per library says which getter gives which
 * figure; a figure a library does not keep is worked out from what the advice counted (submits, sampled runs) or
 * left unknown. Tomcat's fork of the JDK executor (its connectors' pool since 9.0.54/10.1), Jetty's
 * QueuedThreadPool, and JBoss's EnhancedQueueExecutor (Undertow's XNIO worker, WildFly).
 */
final class ServerPools implements PoolKind {
    static final String TOMCAT = "org.apache.tomcat.util.threads.ThreadPoolExecutor";
    static final String JETTY = "org.eclipse.jetty.util.thread.QueuedThreadPool";
    static final String JBOSS = "org.jboss.threads.EnhancedQueueExecutor";

    /** Getter names for each figure; null where the library has none. {@code queue} returns a BlockingQueue, {@code queued} a count. */
    record Getters(String core, String max, String current, String active, String largest, String queue, String queued,
                   String queueCapacity, String submitted, String completed, String rejected, String stopped, String rejectionPolicy) {}

    static final Map<String, Getters> LIBRARIES = Map.of(
            TOMCAT, new Getters("getCorePoolSize", "getMaximumPoolSize", "getPoolSize", "getActiveCount", "getLargestPoolSize", "getQueue",
                    null, null, "getTaskCount", "getCompletedTaskCount", null, "isShutdown", "getRejectedExecutionHandler"),
            JETTY, new Getters("getMinThreads", "getMaxThreads", "getThreads", "getBusyThreads", null, null, "getQueueSize",
                    null, null, null, null, "isStopped", null),
            JBOSS, new Getters("getCorePoolSize", "getMaximumPoolSize", "getPoolSize", "getActiveCount", "getLargestPoolSize", null, "getQueueSize",
                    "getMaximumQueueSize", "getSubmittedTaskCount", "getCompletedTaskCount", "getRejectedTaskCount", "isShutdown", null));

    private static final ClassValue<Reader> READERS = new ClassValue<>() {
        @Override protected Reader computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                Getters g = LIBRARIES.get(c.getName());
                if (g != null) return new Reader(c, g);
            }
            return null;
        }
    };

    @Override public boolean reads(Object pool) { return READERS.get(pool.getClass()) != null; }

    @Override public long queued(Object pool) { return READERS.get(pool.getClass()).queued(pool); }

    @Override public ThreadPool read(PoolState p, Object pool, long now, long lastTickNanos) {
        Reader r = READERS.get(pool.getClass());
        long queued = r.queued(pool);
        long queuedBefore = p.lastQueued;
        p.lastQueued = queued;
        long capacity = r.capacity(pool, queued);
        // counters the library keeps are read; without them, the advice's own counts stand in
        long submittedTotal = r.number(pool, r.g.submitted(), -1);  // -1 also where the library counts only on request
        long completedTotal = r.number(pool, r.g.completed(), -1);
        TaskTimes.Snapshot waits = p.waits.drain(), runs = p.runs.drain();
        long submitted = submittedTotal >= 0 ? delta(p.lastSubmitted, submittedTotal, p) : p.takeSubmits();
        long done = completedTotal >= 0 ? delta(p.lastCompleted, completedTotal, p) : runs.count() * PoolState.SAMPLE_EVERY;
        if (submittedTotal >= 0) p.lastSubmitted = submittedTotal;
        if (completedTotal >= 0) p.lastCompleted = completedTotal;
        long counted = r.number(pool, r.g.rejected(), -1);  // JBoss threads keep it only with statistics on: -1 otherwise
        long rejectedTotal = counted >= 0 ? counted : p.rejected.get();
        long newRejected = Math.max(0, rejectedTotal - p.lastRejected);
        p.lastRejected = rejectedTotal;
        List<String> rejectStack = p.rejectStack;
        String rejectThread = p.rejectThread;
        p.rejectStack = null;
        p.rejectThread = null;
        boolean stopped = r.flag(pool, r.g.stopped());
        if (queued == 0 || stopped) p.dropPendingOlderThan(lastTickNanos);
        ThreadPool.TaskTimes queueWaits = ExecutorPools.times(waits);
        if (p.takeSharedTasks()) {
            double meanQueued = queuedBefore >= 0 ? (queuedBefore + queued) / 2.0 : queued;
            queueWaits = ThreadPool.TaskTimes.littlesLaw(meanQueued, done, Duration.ofNanos(now - lastTickNanos));
        }
        int current = (int) r.number(pool, r.g.current(), -1);
        return new ThreadPool(PoolNames.name(p), p.kind, PoolNames.origin(p.creationStack),
                new ThreadPool.Sizes((int) r.number(pool, r.g.core(), -1), (int) r.number(pool, r.g.max(), -1), current,
                        (int) r.number(pool, r.g.active(), -1), (int) r.number(pool, r.g.largest(), current)),
                new ThreadPool.Queue(queued, queuedBefore, capacity),
                new ThreadPool.Throughput(submitted, done, newRejected, r.policy(pool), rejectThread, rejectStack),
                queueWaits, Duration.ofNanos(p.oldestPendingNanos(now)), ExecutorPools.times(runs), stopped);
    }

    private static long delta(long last, long now, PoolState p) {
        return last >= 0 ? now - last : p.creationStack != null ? now : 0;
    }

    /** The getters of one pool class, looked up once; a getter that fails reads as unknown. */
    static final class Reader {
        final Getters g;
        private final Map<String, Method> methods = new java.util.HashMap<>();

        Reader(Class<?> type, Getters g) {
            this.g = g;
            for (String name : new String[] {g.core(), g.max(), g.current(), g.active(), g.largest(), g.queue(), g.queued(), g.queueCapacity(),
                    g.submitted(), g.completed(), g.rejected(), g.stopped(), g.rejectionPolicy()}) {
                if (name == null) continue;
                try {
                    Method m = type.getMethod(name);
                    m.setAccessible(true);
                    methods.put(name, m);
                } catch (NoSuchMethodException | RuntimeException e) {
                    // this version lacks it: the figure is unknown
                }
            }
        }

        private Object call(Object pool, String name) {
            Method m = name == null ? null : methods.get(name);
            if (m == null) return null;
            try {
                return m.invoke(pool);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        long number(Object pool, String name, long unknown) { return call(pool, name) instanceof Number n ? n.longValue() : unknown; }

        boolean flag(Object pool, String name) { return Boolean.TRUE.equals(call(pool, name)); }

        long queued(Object pool) {
            if (g.queue() != null) return call(pool, g.queue()) instanceof BlockingQueue<?> q ? q.size() : -1;
            return number(pool, g.queued(), -1);
        }

        long capacity(Object pool, long queued) {
            if (g.queue() != null && call(pool, g.queue()) instanceof BlockingQueue<?> q) {
                long c = queued + q.remainingCapacity();
                return c >= Integer.MAX_VALUE ? -1 : c;
            }
            long c = number(pool, g.queueCapacity(), -1);
            return c >= Integer.MAX_VALUE ? -1 : c;
        }

        String policy(Object pool) {
            Object handler = call(pool, g.rejectionPolicy());
            return handler == null ? "RejectedExecutionException" : handler.getClass().getName();
        }
    }
}
