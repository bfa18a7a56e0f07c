package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
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
        return new ThreadPool(PoolNames.name(p, f), p.kind, PoolNames.origin(p.creationStack),
                new ThreadPool.Sizes(f.getParallelism(), f.getParallelism(), f.getPoolSize(), f.getActiveThreadCount(), f.getPoolSize()),
                new ThreadPool.Queue(queued, queuedBefore, -1), ThreadPool.Throughput.NONE, ThreadPool.TaskTimes.NONE, Duration.ZERO,
                ThreadPool.TaskTimes.NONE, f.isShutdown());
    }
}
