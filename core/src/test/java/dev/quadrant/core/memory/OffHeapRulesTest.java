package dev.quadrant.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OffHeapRulesTest {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final long MIB = 1 << 20;

    @Test void directMemoryGrowingTowardItsLimitIsALeak() {
        Windows w = Windows.of(MINUTE).history(Windows.series(8, MINUTE, (i, b) -> b.buffers(100 * MIB + i * 30 * MIB, 100 + i, 0, 1024 * MIB)));
        w.jvm().buffers(100 * MIB + 8 * 30 * MIB, 108, 0, 1024 * MIB);
        Finding f = new DirectLeakRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);  // 684 MiB left at 30 MiB/min: 23 min
        assertThat(f.evidence()).containsEntry("limitBytes", 1024 * MIB);
    }

    @Test void aBufferPoolThatFillsOnceIsNoLeak() {
        Windows w = Windows.of(MINUTE).history(Windows.series(8, MINUTE, (i, b) -> b.buffers(Math.min(64, 16 * (i + 1)) * MIB, 10, 0, 1024 * MIB)));
        w.jvm().buffers(64 * MIB, 10, 0, 1024 * MIB);
        assertThat(new DirectLeakRule().evaluate(w.build())).isEmpty();
    }

    @Test void classesDefinedSteadilyAreAMetaspaceLeak() {
        Windows w = Windows.of(MINUTE).history(Windows.series(8, MINUTE, (i, b) -> b.classes(10_000 + i * 500L, 0).metaspace((60 + i * 3) * MIB, -1)));
        w.jvm().classes(14_000, 0).metaspace(84 * MIB, -1);
        Finding f = new MetaspaceLeakRule().evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);  // 30,000 classes/h
        assertThat(f.evidence()).containsEntry("classesPerHour", 30_000L);
    }

    @Test void startUpClassLoadingIsNoMetaspaceLeak() {
        Windows w = Windows.of(MINUTE).history(Windows.series(8, MINUTE, (i, b) -> b.classes(i < 2 ? 5_000 + i * 4_000L : 13_000 + i * 10L, 0)));
        w.jvm().classes(13_080, 0);
        assertThat(new MetaspaceLeakRule().evaluate(w.build())).isEmpty();
    }

    @Test void aGrowingFinalizerBacklogIsAWarningAndADrainingOneInfo() {
        Windows growing = Windows.of(MINUTE).history(Windows.series(4, MINUTE, (i, b) -> b.pendingFinalization(5_000 + i * 5_000L)));
        growing.jvm().pendingFinalization(30_000);
        assertThat(new FinalizerBacklogRule().evaluate(growing.build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
        Windows draining = Windows.of(MINUTE).history(Windows.series(4, MINUTE, (i, b) -> b.pendingFinalization(60_000 - i * 10_000L)));
        draining.jvm().pendingFinalization(20_000);
        assertThat(new FinalizerBacklogRule().evaluate(draining.build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
    }

    @Test void aFewPendingFinalizersAreNothing() {
        Windows w = Windows.of(MINUTE);
        w.jvm().pendingFinalization(300);
        assertThat(new FinalizerBacklogRule().evaluate(w.build())).isEmpty();
    }
}
