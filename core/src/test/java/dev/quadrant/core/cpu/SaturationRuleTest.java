package dev.quadrant.core.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SaturationRuleTest {
    static final Duration FIVE_S = Duration.ofSeconds(5);

    private final SaturationRule rule = new SaturationRule();

    private static Windows windows(int earlier, double cores, double machine) {
        Windows w = Windows.of(FIVE_S).history(Windows.series(earlier, FIVE_S, (i, b) -> b.cpu((long) (cores * 5e9), -1, machine, 2)));
        w.jvm().cpu((long) (cores * 5e9), -1, machine, 2);
        return w;
    }

    @Test void allCoresForTwentySecondsIsCritical() {
        Finding f = rule.evaluate(windows(4, 1.99, 1.0).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("process");
    }

    @Test void aBurstShorterThanTheSpanIsNothing() {
        assertThat(rule.evaluate(windows(1, 2.0, 1.0).build())).isEmpty();
    }

    @Test void aBusyMachineWithAQuietProcessBlamesTheMachine() {
        Finding f = rule.evaluate(windows(4, 0.2, 0.95).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).startsWith("The machine");
    }

    @Test void aProcessThatUsesMostOfABusyMachineIsBlamedEvenWhenTheMachineScoresHigher() {
        Finding f = rule.evaluate(windows(4, 1.96, 0.998).build()).orElseThrow();
        assertThat(f.title()).startsWith("The process uses 98% of its 2 cores");
    }

    @Test void highButNotSaturatedIsNothing() {
        assertThat(rule.evaluate(windows(4, 1.5, 0.8).build())).isEmpty();
    }
}
