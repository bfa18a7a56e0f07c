package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.AgentStats;
import org.junit.jupiter.api.Test;

class SelfProtectionTest {
    static final long MS = 1_000_000;
    private final SelfProtection p = new SelfProtection();
    private long now = 1_000 * MS;

    private void check(double heap, long lateMs) {
        now += 100 * MS + lateMs * MS;
        p.observe(heap, lateMs * MS, now);
    }

    @Test void aNearlyFullHeapShedsEverythingThatAllocatesUntilItHasBeenCalmForTenSeconds() {
        check(0.5, 0);
        assertThat(p.shedding()).isFalse();
        check(0.93, 0);
        assertThat(p.shedding()).isTrue();
        assertThat(p.memoryTight()).isTrue();
        assertThat(p.reason()).isEqualTo("heap 93% full after GC");
        for (int i = 0; i < 50; i++) check(0.4, 0);  // 5 s
        assertThat(p.memoryTight()).as("latched until calm").isTrue();
        AgentStats.Shedding w = p.takeWindow();
        assertThat(w.active()).isTrue();
        assertThat(w.skipped()).contains("reports (held until the heap has room)", "JFR streaming");
        for (int i = 0; i < 60; i++) check(0.4, 0);
        assertThat(p.shedding()).isFalse();
        assertThat(p.memoryTight()).isFalse();
        assertThat(p.takeWindow().happened()).as("the window that ended it still says so").isTrue();
        assertThat(p.takeWindow().happened()).isFalse();
    }

    @Test void aTimerLateMostOfTheTimeIsStarvationButOneLongPauseIsNot() {
        for (int i = 0; i < 12; i++) check(0.2, 0);
        check(0.2, 900);  // one long GC pause
        assertThat(p.shedding()).isFalse();
        for (int i = 0; i < 12; i++) check(0.2, i % 3 == 0 ? 0 : 300);  // stopped two thirds of the time
        assertThat(p.shedding()).isTrue();
        assertThat(p.memoryTight()).isFalse();
        assertThat(p.reason()).startsWith("process starved of CPU");
        assertThat(p.takeWindow().skipped()).containsExactlyElementsOf(SelfProtection.SHED_STARVED);
    }

    @Test void unknownOccupancyIsNoTrouble() {
        for (int i = 0; i < 20; i++) check(-1, 0);
        assertThat(p.shedding()).isFalse();
        assertThat(p.takeWindow()).isEqualTo(AgentStats.Shedding.NONE);
    }
}
