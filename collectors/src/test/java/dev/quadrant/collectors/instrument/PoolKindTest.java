package dev.quadrant.collectors.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.ThreadPool;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PoolKindTest {
    @Test void eachPoolIsReadByItsKindAndOthersByNone() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        ForkJoinPool forkJoin = new ForkJoinPool(3);
        try {
            assertThat(PoolKind.of(executor)).isInstanceOf(ExecutorPools.class);
            assertThat(PoolKind.of(forkJoin)).isInstanceOf(ForkJoinPools.class);
            assertThat(PoolKind.of(new Object())).isNull();
            assertThat(PoolKind.of(null)).isNull();  // a pool already collected
        } finally {
            executor.shutdownNow();
            forkJoin.shutdownNow();
        }
    }

    @Test void anExecutorIsReadWithItsSizesQueueAndCapacity() throws InterruptedException {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        CountDownLatch release = new CountDownLatch(1), running = new CountDownLatch(1);
        try {
            executor.execute(() -> { running.countDown(); await(release); });
            running.await();
            executor.execute(() -> {});
            executor.execute(() -> {});
            PoolKind kind = PoolKind.of(executor);
            PoolState state = new PoolState(executor, PoolState.kind(executor));

            assertThat(kind.queued(executor)).isEqualTo(2);
            ThreadPool read = kind.read(state, executor, System.nanoTime(), System.nanoTime());
            assertThat(read.kind()).isEqualTo(ThreadPoolExecutor.class.getName());
            assertThat(read.sizes().max()).isEqualTo(1);
            assertThat(read.sizes().active()).isEqualTo(1);
            assertThat(read.queue().queued()).isEqualTo(2);
            assertThat(read.queue().capacity()).isEqualTo(4);
            assertThat(state.lastQueued).isEqualTo(2);  // the next window compares with it
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
