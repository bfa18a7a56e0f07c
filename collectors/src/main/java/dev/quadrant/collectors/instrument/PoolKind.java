package dev.quadrant.collectors.instrument;

import dev.quadrant.core.evidence.ThreadPool;
import java.util.List;

/**
 * How one kind of pool is read at the tick: its sizes, queue and counters, joined with what the advice recorded in its
 * {@link PoolState} (creation site, sampled queue waits and run times, rejections). A new pool library is one
 * implementation listed in {@link #ALL}, plus the matchers in {@link Weaver} that weave its creation, submit, start,
 * finish and reject methods into the same hooks.
 */
interface PoolKind {
    List<PoolKind> ALL = List.of(new ExecutorPools(), new ForkJoinPools(), new ServerPools(), new ConnectionPools());

    /** The kind that reads {@code pool}; null for none, or a pool already collected (null). */
    static PoolKind of(Object pool) {
        if (pool == null) return null;
        for (PoolKind k : ALL) if (k.reads(pool)) return k;
        return null;
    }

    boolean reads(Object pool);

    /** Tasks waiting in its queue right now, for the timeline. */
    long queued(Object pool);

    /** The pool's figures for the closing window; {@code lastTickNanos} is when the window began. Moves its state to the next. */
    ThreadPool read(PoolState state, Object pool, long nowNanos, long lastTickNanos);
}
