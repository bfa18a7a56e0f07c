package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

/**
 * JDBC connection pools read as pools whose "tasks" are the requests for a connection: threads waiting in
 * getConnection are its queue, connections in use its busy workers, the wait for a connection its queue wait, and a
 * connection timeout its rejection. HikariCP (Spring Boot's default), through its pool MXBean's getters and its config.
 */
final class ConnectionPools implements PoolKind {
    static final String HIKARI = "com.zaxxer.hikari.pool.HikariPool";

    private static final ClassValue<Reader> READERS = new ClassValue<>() {
        @Override protected Reader computeValue(Class<?> type) { return type.getName().equals(HIKARI) ? new Reader(type) : null; }
    };

    @Override public boolean reads(Object pool) { return READERS.get(pool.getClass()) != null; }

    @Override public long queued(Object pool) { return READERS.get(pool.getClass()).number(pool, "getThreadsAwaitingConnection"); }

    @Override public ThreadPool read(PoolState p, Object pool, long now, long lastTickNanos) {
        Reader r = READERS.get(pool.getClass());
        long waiting = r.number(pool, "getThreadsAwaitingConnection");
        long before = p.lastQueued;
        p.lastQueued = waiting;
        long rejected = p.rejected.get(), newRejected = rejected - p.lastRejected;
        p.lastRejected = rejected;
        List<String> rejectStack = p.rejectStack;
        String rejectThread = p.rejectThread;
        p.rejectStack = null;
        p.rejectThread = null;
        TaskTimes.Snapshot waits = p.waits.drain();
        int total = (int) r.number(pool, "getTotalConnections");
        String name = r.config(pool, "getPoolName") instanceof String s ? s : PoolNames.name(p);
        return new ThreadPool(name, p.kind, PoolNames.origin(p.creationStack),
                new ThreadPool.Sizes((int) r.configNumber(pool, "getMinimumIdle"), (int) r.configNumber(pool, "getMaximumPoolSize"), total,
                        (int) r.number(pool, "getActiveConnections"), total),
                new ThreadPool.Queue(waiting, before, -1),
                new ThreadPool.Throughput(waits.count(), waits.count() - newRejected, newRejected,
                        "SQLTransientConnectionException after connectionTimeout", rejectThread, rejectStack),
                ExecutorPools.times(waits), Duration.ZERO, ThreadPool.TaskTimes.NONE, false);
    }

    /** HikariPool's getters and its {@code config} field (a HikariConfig), looked up once; what fails reads as unknown. */
    static final class Reader {
        private final Class<?> type;
        private final Field config;

        Reader(Class<?> type) {
            this.type = type;
            Field f = null;
            for (Class<?> c = type; c != null && f == null; c = c.getSuperclass()) {
                try {
                    f = c.getDeclaredField("config");
                    f.setAccessible(true);
                } catch (NoSuchFieldException | RuntimeException e) {
                    f = null;
                }
            }
            config = f;
        }

        long number(Object pool, String getter) { return call(pool, type, getter) instanceof Number n ? n.longValue() : -1; }

        Object config(Object pool, String getter) {
            try {
                Object c = config == null ? null : config.get(pool);
                return c == null ? null : call(c, c.getClass(), getter);
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }

        long configNumber(Object pool, String getter) { return config(pool, getter) instanceof Number n ? n.longValue() : -1; }

        private static Object call(Object target, Class<?> type, String getter) {
            try {
                Method m = type.getMethod(getter);
                return m.invoke(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
