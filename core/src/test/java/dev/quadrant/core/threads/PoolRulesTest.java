package dev.quadrant.core.threads;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolRulesTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> CREATED = stack("java.util.concurrent.ThreadPoolExecutor.<init>(ThreadPoolExecutor.java:1276)",
            "java.util.concurrent.Executors.newFixedThreadPool(Executors.java:89)", "com.acme.Checkout.<init>(Checkout.java:20)");
    static final List<String> SUBMIT = stack("java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:833)",
            "java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:1365)", "com.acme.Notifier.send(Notifier.java:44)");
    static final List<Long> NONE = List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);

    static ThreadPool pool(String name, int core, int max, int active, long queued, long capacity, long waits, Duration meanWait,
                           Duration oldestPending, long submitted, long rejected, String policy, boolean shutdown) {
        return new ThreadPool(name, "java.util.concurrent.ThreadPoolExecutor", new ThreadPool.Origin("com.acme.Checkout.<init>(Checkout.java:20)", CREATED),
                new ThreadPool.Sizes(core, max, Math.max(core, active), active, Math.max(core, active)), new ThreadPool.Queue(queued, queued / 2, capacity),
                new ThreadPool.Throughput(submitted, submitted, rejected, policy, rejected > 0 ? "http-1" : null, rejected > 0 ? SUBMIT : null),
                new ThreadPool.TaskTimes(waits, meanWait.multipliedBy(waits), meanWait.multipliedBy(2), NONE), oldestPending,
                new ThreadPool.TaskTimes(waits, Duration.ofMillis(150).multipliedBy(waits), Duration.ofMillis(300), NONE), shutdown);
    }

    static ThreadPool waiting(String name, long waits, Duration meanWait, Duration oldestPending) {
        return pool(name, 4, 32, 4, 120, -1, waits, meanWait, oldestPending, 300, 0, "java.util.concurrent.ThreadPoolExecutor$AbortPolicy", false);
    }

    static final String ABORT = "java.util.concurrent.ThreadPoolExecutor$AbortPolicy";
    static final String CALLER_RUNS = "java.util.concurrent.ThreadPoolExecutor$CallerRunsPolicy";
    static final String DISCARD = "java.util.concurrent.ThreadPoolExecutor$DiscardPolicy";

    private final PoolSaturationRule saturation = new PoolSaturationRule();
    private final PoolRejectionRule rejection = new PoolRejectionRule();

    @Test void tasksWaitingSecondsInTheQueueIsCritical() {
        Finding f = saturation.evaluate(Windows.of(TEN_S).pool(waiting("checkout-N", 40, Duration.ofMillis(2500), Duration.ofSeconds(3))).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("checkout-N", "Checkout.<init>", "4/32 threads busy");
        assertThat(f.recommendation()).contains("maximumPoolSize 32 is never reached");
        assertThat(f.stack()).isEqualTo(CREATED);
    }

    @Test void aQuarterSecondWaitIsWarning() {
        Finding f = saturation.evaluate(Windows.of(TEN_S).pool(waiting("checkout-N", 40, Duration.ofMillis(300), Duration.ZERO)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test void shortWaitsAreNothing() {
        assertThat(saturation.evaluate(Windows.of(TEN_S).pool(waiting("checkout-N", 400, Duration.ofMillis(20), Duration.ZERO)).build())).isEmpty();
    }

    @Test void oneUnluckyTaskIsNotAMean() {
        // two sampled waits of a second each: too few to call the pool saturated, and nothing is still waiting
        assertThat(saturation.evaluate(Windows.of(TEN_S).pool(waiting("batch-N", 2, Duration.ofSeconds(1), Duration.ZERO)).build())).isEmpty();
    }

    @Test void aTaskStillWaitingCountsEvenWithoutCompletedSamples() {
        // the pool has stopped taking tasks: nothing completes, but a sampled task has waited 20 s
        Finding f = saturation.evaluate(Windows.of(TEN_S).pool(waiting("report-N", 0, Duration.ZERO, Duration.ofSeconds(20))).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.detail()).contains("has been waiting");
    }

    @Test void aPoolFedOneSharedTaskIsJudgedByItsEstimatedWait() {
        // 4 workers, 500 queued on average, 50 tasks a second leave the queue: about 10 s in the queue (L = lambda W)
        ThreadPool.TaskTimes estimated = ThreadPool.TaskTimes.littlesLaw(500, 500, TEN_S);
        assertThat(estimated.mean()).isEqualTo(Duration.ofSeconds(10));
        assertThat(estimated.estimated()).isTrue();
        ThreadPool p = waiting("ledger-N", 0, Duration.ZERO, Duration.ZERO);
        ThreadPool shared = new ThreadPool(p.name(), p.kind(), p.origin(), p.sizes(), p.queue(), p.throughput(), estimated, Duration.ZERO, p.runs(), false);
        Finding f = saturation.evaluate(Windows.of(TEN_S).pool(shared).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.detail()).contains("about 10.0 s", "one shared object");
        assertThat(f.evidence()).extractingByKey("pool").asString().contains("queueWaitEstimated");
        assertThat(ThreadPool.TaskTimes.littlesLaw(0, 500, TEN_S)).isEqualTo(ThreadPool.TaskTimes.NONE);
        assertThat(ThreadPool.TaskTimes.littlesLaw(30, 0, TEN_S)).isEqualTo(ThreadPool.TaskTimes.NONE);
    }

    @Test void aConnectionPoolTooSmallForItsRequestThreadsIsExhausted() {
        // 2 connections, 14 request threads waiting in getConnection for 1.8 s on average, 3 timed out
        ThreadPool hikari = new ThreadPool("HikariPool-1", "com.zaxxer.hikari.pool.HikariPool", new ThreadPool.Origin("com.acme.Db.<init>(Db.java:12)", CREATED),
                new ThreadPool.Sizes(2, 2, 2, 2, 2), new ThreadPool.Queue(14, 13, -1),
                new ThreadPool.Throughput(40, 37, 3, "SQLTransientConnectionException after connectionTimeout", "invoice-7", SUBMIT),
                new ThreadPool.TaskTimes(40, Duration.ofMillis(1800).multipliedBy(40), Duration.ofMillis(2600), NONE), Duration.ZERO, ThreadPool.TaskTimes.NONE, false);
        Finding f = saturation.evaluate(Windows.of(TEN_S).pool(hikari).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("Connection pool \"HikariPool-1\" is exhausted", "2/2 connections in use", "14 threads waiting");
        assertThat(f.detail()).contains("3 timed out");
        assertThat(f.evidence()).containsEntry("timeouts", 3L);
        assertThat(f.stack()).isEqualTo(SUBMIT);
    }

    @Test void agentPoolsAndShutDownPoolsAreIgnored() {
        assertThat(saturation.evaluate(Windows.of(TEN_S).pool(waiting("quadrant-tick", 40, Duration.ofSeconds(3), Duration.ZERO)).build())).isEmpty();
        ThreadPool shut = pool("old-N", 4, 4, 4, 100, -1, 40, Duration.ofSeconds(3), Duration.ZERO, 10, 0, ABORT, true);
        assertThat(saturation.evaluate(Windows.of(TEN_S).pool(shut).build())).isEmpty();
    }

    @Test void anyLostTaskIsAWarning() {
        ThreadPool p = pool("notify-N", 2, 4, 4, 20, 20, 0, Duration.ZERO, Duration.ZERO, 10_000, 1, ABORT, false);
        Finding f = rejection.evaluate(Windows.of(TEN_S).pool(p).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("RejectedExecutionException");
        assertThat(f.evidence()).containsEntry("submittedAt", "com.acme.Notifier.send(Notifier.java:44)");
    }

    @Test void onePercentLostIsCritical() {
        ThreadPool p = pool("notify-N", 2, 4, 4, 20, 20, 0, Duration.ZERO, Duration.ZERO, 1_000, 20, DISCARD, false);
        Finding f = rejection.evaluate(Windows.of(TEN_S).pool(p).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("silently discarded");
    }

    @Test void callerRunsIsBackPressureUntilFrequent() {
        ThreadPool rare = pool("audit-N", 2, 2, 2, 500, 500, 0, Duration.ZERO, Duration.ZERO, 1_000, 20, CALLER_RUNS, false);
        assertThat(rejection.evaluate(Windows.of(TEN_S).pool(rare).build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
        ThreadPool often = pool("audit-N", 2, 2, 2, 500, 500, 0, Duration.ZERO, Duration.ZERO, 1_000, 400, CALLER_RUNS, false);
        assertThat(rejection.evaluate(Windows.of(TEN_S).pool(often).build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test void submittingAfterShutdownIsNamed() {
        ThreadPool p = pool("jobs-N", 2, 2, 0, 0, -1, 0, Duration.ZERO, Duration.ZERO, 0, 3, ABORT, true);
        Finding f = rejection.evaluate(Windows.of(TEN_S).pool(p).build()).orElseThrow();
        assertThat(f.detail()).contains("shut down");
        assertThat(f.recommendation()).contains("after it is shut down");
    }

    @Test void noRejectionsNoFinding() {
        Optional<Finding> f = rejection.evaluate(Windows.of(TEN_S).pool(waiting("checkout-N", 40, Duration.ofSeconds(3), Duration.ZERO)).build());
        assertThat(f).isEmpty();
    }
}
