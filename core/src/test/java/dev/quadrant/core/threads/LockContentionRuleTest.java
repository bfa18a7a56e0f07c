package dev.quadrant.core.threads;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockContentionRuleTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> WAIT = stack("com.acme.Inventory.reserve(Inventory.java:31)", "com.acme.Orders.place(Orders.java:12)");

    private final LockContentionRule rule = new LockContentionRule();

    @Test void threadsBlockedMostOfTheTimeIsCritical() {
        Finding f = rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Inventory", 600, Duration.ofMillis(50), WAIT).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);  // 30 s blocked in 10 s: 3 threads on average
        assertThat(f.evidence()).containsEntry("monitorClass", "com.acme.Inventory").containsEntry("waits", 600L)
                .containsEntry("site", "com.acme.Inventory.reserve(Inventory.java:31)").containsEntry("owner", "worker-owner").containsEntry("waitingThreadCount", 4)
                .containsKey("waitingThreads");
        assertThat(f.stack()).isEqualTo(WAIT);
    }

    @Test void aThirdOfAThreadBlockedIsWarning() {
        // 3.5 s blocked in 10 s (0.35 threads) by two threads that each lost 17% of their time
        Finding f = rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Inventory", 2, 100, Duration.ofMillis(35), WAIT).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test void manyThreadsEachRarelyBlockedIsOnlyInfo() {
        // 64 workers, 0.4 threads blocked on average, but each worker loses well under a tenth of its time
        Finding f = rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Sessions", 64, 256, Duration.ofMillis(16), WAIT).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence()).containsEntry("waitingThreadCount", 64);
    }

    @Test void oneThreadBlockedMostOfTheWindowIsCritical() {
        Finding f = rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Journal", 1, 1, Duration.ofSeconds(9), WAIT).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);  // 0.9 blocked threads, 90% of its time: near critical on both
        assertThat(f.score()).isGreaterThan(65);
    }

    @Test void occasionalShortWaitsAreNoFinding() {
        assertThat(rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Inventory", 5, Duration.ofMillis(15), WAIT).build())).isEmpty();
    }

    @Test void theWorstMonitorIsReported() {
        Finding f = rule.evaluate(Windows.of(TEN_S)
                .monitorWaits("com.acme.Cache", 20, Duration.ofMillis(20), stack("com.acme.Cache.get(Cache.java:5)"))
                .monitorWaits("com.acme.Inventory", 200, Duration.ofMillis(20), WAIT).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("monitorClass", "com.acme.Inventory").containsEntry("otherContendedLocks", 1);
    }
}
