package dev.quadrant.core.cpu;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyThreadRuleTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> SPIN = stack("java.util.concurrent.ConcurrentLinkedQueue.poll(ConcurrentLinkedQueue.java:1)",
            "com.acme.Consumer.run(Consumer.java:20)", "java.lang.Thread.run(Thread.java:840)");

    private final BusyThreadRule rule = new BusyThreadRule();

    @Test void aWholeCoreForAMinuteIsCriticalAndNamesThreadAndCode() {
        Finding f = rule.evaluate(Windows.of(TEN_S).busyThread("consumer-1", 9_900, Duration.ofSeconds(70), SPIN).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("consumer-1").contains("com.acme.Consumer.run");
        assertThat(f.evidence()).containsEntry("thread", "consumer-1").containsEntry("coreShare", 0.99);
        assertThat(f.stack()).isEqualTo(SPIN);
    }

    @Test void busyForFifteenSecondsIsWarning() {
        Finding f = rule.evaluate(Windows.of(TEN_S).busyThread("consumer-1", 9_000, Duration.ofSeconds(15), SPIN).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test void aShortBurstIsNoWarning() {
        rule.evaluate(Windows.of(TEN_S).busyThread("request-1", 9_500, Duration.ofSeconds(4), SPIN).build())
                .ifPresent(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test void halfACoreIsNotABusyThread() {
        assertThat(rule.evaluate(Windows.of(TEN_S).busyThread("worker", 5_000, Duration.ZERO, SPIN).build())).isEmpty();
    }

    @Test void theWorstThreadIsReported() {
        Finding f = rule.evaluate(Windows.of(TEN_S).busyThread("a", 6_000, Duration.ZERO, SPIN)
                .busyThread("b", 9_800, Duration.ofSeconds(90), SPIN).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("thread", "b");
    }
}
