package dev.quadrant.core.threads;

import dev.quadrant.core.evidence.BlockingKind;
import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Window;
import dev.quadrant.core.Windows;
import dev.quadrant.core.evidence.DeadlockedThread;
import dev.quadrant.core.evidence.LiveThreads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadRulesTest {
    static final Duration TWO_S = Duration.ofSeconds(2);
    static final List<String> STARTED = stack("java.lang.Thread.start(Thread.java:798)", "com.acme.Export.run(Export.java:31)");
    static final List<String> GET = stack("jdk.internal.misc.Unsafe.park(Native Method)", "java.util.concurrent.FutureTask.get(FutureTask.java:190)",
            "com.acme.Report.build(Report.java:40)", "java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)");

    /** Live threads {@code first + i * step} over {@code windows} windows of 2 s, and this window's groups. */
    static Window threads(int windows, int first, int step, LiveThreads... groups) {
        Windows w = Windows.of(TWO_S).history(Windows.series(windows, TWO_S, (i, b) -> b.threads(first + i * step, 5, first + i * step, step)));
        w.jvm().threads(first + windows * step, 5, first + windows * step, step);
        for (LiveThreads g : groups) w.liveThreads(g);
        return w.build();
    }

    @Test void steadilyGrowingThreadsAreALeakNamedBySite() {
        LiveThreads leaking = new LiveThreads("pool-N-thread-N", "com.acme.Export.run(Export.java:31)", STARTED, 240, 16, List.of("pool-9-thread-1"));
        Finding f = new ThreadLeakRule().evaluate(threads(15, 40, 16, leaking)).orElseThrow();
        assertThat(f.severity()).isGreaterThanOrEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("pool-N-thread-N", "com.acme.Export.run");
        assertThat(f.stack()).isEqualTo(STARTED);
    }

    @Test void aPoolWarmingUpIsNoLeak() {
        // grows by 8 threads once, then flat: not a line, and too little
        Windows w = Windows.of(TWO_S).history(Windows.series(15, TWO_S, (i, b) -> b.threads(i < 3 ? 30 + i * 4 : 38, 5, 38, 0)));
        w.jvm().threads(38, 5, 38, 0);
        assertThat(new ThreadLeakRule().evaluate(w.build())).isEmpty();
    }

    @Test void leaksScoreByTimeToTenThousandThreads() {
        // 8 per 2 s: 10,000 threads in about 40 minutes
        assertThat(new ThreadLeakRule().evaluate(threads(15, 50, 8)).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        // one per 2 s: 1,800 an hour, the limit in about five hours
        assertThat(new ThreadLeakRule().evaluate(threads(29, 50, 1)).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test void deadlockIsCriticalAndNamesTheCycle() {
        Window w = Windows.of(TWO_S)
                .deadlocked(new DeadlockedThread("transfer-1", "WAITING", "ReentrantLock$NonfairSync@1a", "transfer-2", List.of("ReentrantLock$NonfairSync@2b"),
                        stack("jdk.internal.misc.Unsafe.park(Native Method)", "com.acme.Bank.transfer(Bank.java:12)")))
                .deadlocked(new DeadlockedThread("transfer-2", "WAITING", "ReentrantLock$NonfairSync@2b", "transfer-1", List.of("ReentrantLock$NonfairSync@1a"),
                        stack("jdk.internal.misc.Unsafe.park(Native Method)", "com.acme.Bank.transfer(Bank.java:12)")))
                .build();
        Finding f = new DeadlockRule().evaluate(w).orElseThrow();
        assertThat(f.score()).isEqualTo(100);
        assertThat(f.detail()).contains("\"transfer-1\" waits for ReentrantLock$NonfairSync@1a held by \"transfer-2\"");
        assertThat(new DeadlockRule().evaluate(Windows.of(TWO_S).build())).isEmpty();
    }

    @Test void taskThreadsStuckInUntimedWaitsScoreByDurationAndCount() {
        Windows one = Windows.of(TWO_S).blocked(BlockingKind.FUTURE_GET, "report-1", Duration.ofSeconds(12), GET);
        Finding f = new UntimedWaitRule().evaluate(one.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.recommendation()).contains("get(timeout, unit)");
        Windows many = Windows.of(TWO_S);
        for (int i = 0; i < 8; i++) many.blocked(BlockingKind.FUTURE_GET, "report-" + i, Duration.ofSeconds(15), GET);
        assertThat(new UntimedWaitRule().evaluate(many.build()).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        Windows brief = Windows.of(TWO_S).blocked(BlockingKind.FUTURE_GET, "report-1", Duration.ofSeconds(2), GET);
        assertThat(new UntimedWaitRule().evaluate(brief.build())).isEmpty();
    }

    @Test void untimedSocketReadsAreNotWaits() {
        Windows w = Windows.of(TWO_S).blocked(BlockingKind.SOCKET_READ, "client-1", Duration.ofSeconds(30), GET);
        assertThat(new UntimedWaitRule().evaluate(w.build())).isEmpty();
    }

    @Test void pinnedCarriersScoreByShareOfCarrierTime() {
        List<String> clinit = stack("java.lang.Thread.sleep(Thread.java:540)", "com.acme.TenantSettings.<clinit>(TenantSettings.java:9)");
        Windows w = Windows.of(TWO_S).pinned(25, Duration.ofMillis(80), clinit);  // 2 s pinned in 2 s on 2 carriers: 50%
        w.jvm().cpu(0, -1, -1, 2);
        Finding f = new VirtualPinningRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("site", "com.acme.TenantSettings.<clinit>(TenantSettings.java:9)");
        Windows rare = Windows.of(Duration.ofSeconds(60)).pinned(2, Duration.ofMillis(25), clinit);
        rare.jvm().cpu(0, -1, -1, 8);
        assertThat(new VirtualPinningRule().evaluate(rare.build())).isEmpty();
    }

    @Test void reentrantLockWaitsCarryTheHolderAndItsStack() {
        List<String> waiter = stack("java.util.concurrent.locks.ReentrantLock.lock(ReentrantLock.java:322)", "com.acme.Ledger.post(Ledger.java:20)");
        List<String> holder = stack("java.lang.Thread.sleep(Native Method)", "com.acme.Ledger.writeAudit(Ledger.java:40)", "com.acme.Ledger.post(Ledger.java:22)");
        Window w = Windows.of(Duration.ofSeconds(10)).lockWaits("java.util.concurrent.locks.ReentrantLock", 0x1a2b, 2_000, Duration.ofSeconds(30), 4, waiter)
                .lockHolder(0x1a2b, "payment-worker-3", holder).build();
        Finding f = new LockContentionRule().evaluate(w).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("java.util.concurrent.locks.ReentrantLock@1a2b", "com.acme.Ledger.post");
        assertThat(f.evidence()).containsEntry("kind", "lock").containsEntry("owner", "payment-worker-3").containsEntry("ownerStack", holder);
        assertThat(f.recommendation()).contains("com.acme.Ledger.writeAudit");
        assertThat(f.verify()).contains("parking to wait for");
    }
}
