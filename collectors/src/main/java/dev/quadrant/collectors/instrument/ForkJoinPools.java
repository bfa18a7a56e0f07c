package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** ForkJoinPool, the common pool included: sizes and queues only (its tasks are not timed). */
final class ForkJoinPools implements PoolKind {
    @Override public boolean reads(Object pool) { return pool instanceof ForkJoinPool; }

    @Override public long queued(Object pool) {
        ForkJoinPool f = (ForkJoinPool) pool;
        return f.getQueuedSubmissionCount() + f.getQueuedTaskCount();
    }

    @Override public ThreadPool read(PoolState p, Object pool, long now, long lastTickNanos) {
        ForkJoinPool f = (ForkJoinPool) pool;
        long queued = queued(f);
        long queuedBefore = p.lastQueued;
        p.lastQueued = queued;
        List<String> created = p.creationStack;
        String name = PoolNames.name(p, f);
        List<Long> none = List.of();
        return new ThreadPool(name, p.kind, PoolNames.siteOf(created), created == null ? List.of() : created,
                f.getParallelism(), f.getParallelism(), f.getPoolSize(), f.getActiveThreadCount(), f.getPoolSize(),
                queued, queuedBefore, -1, 0, 0, 0, null, null, null,
                0, Duration.ZERO, Duration.ZERO, none, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, none, f.isShutdown());
    }
}
