package dev.quadrant.core.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitDeoptimizationRuleTest {
    static final Duration TEN_S = Duration.ofSeconds(10);

    private final JitDeoptimizationRule rule = new JitDeoptimizationRule();

    @Test void aFullCodeCacheIsCritical() {
        Finding f = rule.evaluate(Windows.of(TEN_S).codeCacheFull().build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation()).contains("ReservedCodeCacheSize");
    }

    @Test void aFullCodeCacheStaysReportedForTheNextWindows() {
        Windows w = Windows.of(TEN_S).history(Windows.series(3, TEN_S, (i, b) -> b.codeCacheFullEvents(i == 0 ? 1 : 0)));
        Finding f = rule.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("windowsSinceCodeCacheFull", 3);
    }

    @Test void aNearlyFullCodeCacheIsWarning() {
        Windows w = Windows.of(TEN_S);
        w.jvm().codeCache(230L << 20, 240L << 20, 0);
        assertThat(rule.evaluate(w.build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test void aDeoptimizationStormSustainedForAMinuteNamesTheMethodAndReason() {
        Windows w = Windows.of(TEN_S).history(Windows.series(6, TEN_S, (i, b) -> b.deoptimizations(400)));
        Finding f = rule.evaluate(w.deoptimizations("com.acme.Router.route", "class_check", 400).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("com.acme.Router.route").contains("class_check");
    }

    @Test void aBurstOfDeoptimizationsShorterThanAMinuteIsNothing() {
        Windows w = Windows.of(TEN_S).history(Windows.series(2, TEN_S, (i, b) -> b.deoptimizations(400)));
        assertThat(rule.evaluate(w.deoptimizations("com.acme.A.b", "unstable_if", 400).build())).isEmpty();
    }

    @Test void warmUpDeoptimizationsAreNothing() {
        Windows w = Windows.of(TEN_S).deoptimizations("com.acme.A.b", "unstable_if", 15);
        w.jvm().codeCache(30L << 20, 240L << 20, 500);
        assertThat(rule.evaluate(w.build())).isEmpty();
    }
}
