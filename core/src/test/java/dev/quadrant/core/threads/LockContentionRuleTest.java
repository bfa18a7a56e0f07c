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
                .containsEntry("site", "com.acme.Inventory.reserve(Inventory.java:31)").containsEntry("owner", "worker-9")
                .containsKey("waitingThreads");
        assertThat(f.stack()).isEqualTo(WAIT);
    }

    @Test void aThirdOfAThreadBlockedIsWarning() {
        Finding f = rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Inventory", 100, Duration.ofMillis(35), WAIT).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test void occasionalShortWaitsAreNoFinding() {
        assertThat(rule.evaluate(Windows.of(TEN_S).monitorWaits("com.acme.Inventory", 5, Duration.ofMillis(15), WAIT).build())).isEmpty();
    }

    @Test void theWorstMonitorIsReported() {
        Finding f = rule.evaluate(Windows.of(TEN_S)
                .monitorWaits("com.acme.Cache", 20, Duration.ofMillis(20), stack("com.acme.Cache.get(Cache.java:5)"))
                .monitorWaits("com.acme.Inventory", 200, Duration.ofMillis(20), WAIT).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("monitorClass", "com.acme.Inventory").containsEntry("otherContendedMonitors", 1);
    }
}
