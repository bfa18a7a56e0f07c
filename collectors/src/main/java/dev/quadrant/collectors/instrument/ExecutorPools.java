package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;

/** java.util.concurrent.ThreadPoolExecutor and its subclasses (ScheduledThreadPoolExecutor, frameworks' executors). */
final class ExecutorPools implements PoolKind {
    @Override public boolean reads(Object pool) { return pool instanceof ThreadPoolExecutor; }

    @Override public long queued(Object pool) { return ((ThreadPoolExecutor) pool).getQueue().size(); }

    @Override public ThreadPool read(PoolState p, Object pool, long now, long lastTickNanos) {
        ThreadPoolExecutor t = (ThreadPoolExecutor) pool;
        BlockingQueue<Runnable> q = t.getQueue();
        long queued = q.size();
        int remaining = q.remainingCapacity();
        long capacity = queued + remaining >= Integer.MAX_VALUE ? -1 : queued + remaining;  // LinkedBlockingQueue() is "bounded" at 2^31-1
        long taskCount = t.getTaskCount(), completed = t.getCompletedTaskCount(), rejected = p.rejected.get();
        long submitted = p.lastSubmitted >= 0 ? taskCount - p.lastSubmitted : p.creationStack != null ? taskCount : 0;
        long done = p.lastCompleted >= 0 ? completed - p.lastCompleted : p.creationStack != null ? completed : 0;
        long queuedBefore = p.lastQueued;
        p.lastSubmitted = taskCount;
        p.lastCompleted = completed;
        p.lastQueued = queued;
        long newRejected = rejected - p.lastRejected;
        p.lastRejected = rejected;
        List<String> rejectStack = p.rejectStack;
        String rejectThread = p.rejectThread;
        p.rejectStack = null;
        p.rejectThread = null;
        if (queued == 0 || t.isShutdown()) p.dropPendingOlderThan(lastTickNanos);  // removed from the queue, never run
        TaskTimes.Snapshot waits = p.waits.drain(), runs = p.runs.drain();
        ThreadPool.TaskTimes queueWaits = times(waits);
        if (p.takeSharedTasks()) {
            double meanQueued = queuedBefore >= 0 ? (queuedBefore + queued) / 2.0 : queued;
            queueWaits = ThreadPool.TaskTimes.littlesLaw(meanQueued, done, Duration.ofNanos(now - lastTickNanos));
        }
        return new ThreadPool(PoolNames.name(p), p.kind, PoolNames.origin(p.creationStack),
                new ThreadPool.Sizes(t.getCorePoolSize(), t.getMaximumPoolSize(), t.getPoolSize(), t.getActiveCount(), t.getLargestPoolSize()),
                new ThreadPool.Queue(queued, queuedBefore, capacity),
                new ThreadPool.Throughput(submitted, done, newRejected, t.getRejectedExecutionHandler().getClass().getName(), rejectThread, rejectStack),
                queueWaits, Duration.ofNanos(p.oldestPendingNanos(now)), times(runs), t.isShutdown());
    }

    static ThreadPool.TaskTimes times(TaskTimes.Snapshot s) {
        return new ThreadPool.TaskTimes(s.count(), Duration.ofNanos(s.totalNanos()), Duration.ofNanos(s.longestNanos()), s.buckets());
    }
}
