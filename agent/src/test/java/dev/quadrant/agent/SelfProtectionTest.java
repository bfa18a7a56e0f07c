package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.AgentStats;
import org.junit.jupiter.api.Test;

class SelfProtectionTest {
    static final long MS = 1_000_000;
    private final SelfProtection p = new SelfProtection();
    private long now = 1_000 * MS;

    private void check(double heap, long lateMs) { check(heap, false, lateMs); }

    /** A reading after a full collection: what stays alive. */
    private void checkFull(double heap) { check(heap, true, 0); }

    private void check(double heap, boolean afterFullGc, long lateMs) {
        now += 100 * MS + lateMs * MS;
        p.observe(heap, afterFullGc, lateMs * MS, now);
    }

    /** A nearly full heap that stays put (a large cache, a thrashing collector): lean reports go on, they must report it. */
    @Test void aSteadyNearlyFullHeapShedsTheOptionalWorkOnly() {
        check(0.5, 0);
        assertThat(p.shedding()).isFalse();
        for (int i = 0; i < 30; i++) check(0.91 + (i % 2) * 0.001, 0);
        assertThat(p.shedding()).isTrue();
        assertThat(p.runningOut()).isFalse();
        assertThat(p.reason()).isEqualTo("heap 91% full after GC");
        assertThat(p.takeWindow().skipped()).containsExactlyElementsOf(SelfProtection.SHED_IN_TROUBLE);
    }

    /** A heap filling collection after collection past 90%, or 95% full: everything that allocates stops until calm. */
    @Test void aHeapRunningOutHoldsEverythingUntilItHasBeenCalmForTenSeconds() {
        for (double heap : new double[] {0.70, 0.78, 0.85, 0.92}) check(heap, 0);
        assertThat(p.runningOut()).isTrue();
        assertThat(p.reason()).isEqualTo("heap 92% full after GC and running out");
        for (int i = 0; i < 50; i++) check(0.4, 0);  // 5 s after it dropped its cache
        assertThat(p.runningOut()).as("latched until calm").isTrue();
        AgentStats.Shedding w = p.takeWindow();
        assertThat(w.active()).isTrue();
        assertThat(w.skipped()).contains("reports (held while the heap runs out, 30 s at most)", "JFR streaming");
        for (int i = 0; i < 60; i++) check(0.4, 0);
        assertThat(p.shedding()).isFalse();
        assertThat(p.runningOut()).isFalse();
        assertThat(p.takeWindow().happened()).as("the window that ended it still says so").isTrue();
        assertThat(p.takeWindow().happened()).isFalse();
        checkFull(0.96);
        assertThat(p.runningOut()).as("95% full after a full collection needs no trend").isTrue();
    }

    /** A start-up that lifts a nearly full heap a few points: running out while it rises, then trouble only. */
    @Test void aHeapThatStopsRisingGoesBackFromRunningOutToTrouble() {
        for (double heap : new double[] {0.90, 0.91, 0.92, 0.93}) check(heap, 0);
        assertThat(p.runningOut()).isTrue();
        for (int i = 0; i < 101; i++) check(0.93 - (i % 2) * 0.002, 0);
        assertThat(p.runningOut()).as("10 s without a rise").isFalse();
        assertThat(p.shedding()).isTrue();
        assertThat(p.reason()).isEqualTo("heap 93% full after GC");
    }

    /** A heap that reads 95% after every collection never calms: one report per longest hold still says so. */
    @Test void reportsAreHeldWhileTheHeapRunsOutButNotForLongerThanTheLongestHold() {
        long hold = 30_000 * MS;
        assertThat(p.holdsReport(now, hold)).as("no trouble").isFalse();
        assertThat(p.releaseHeld()).isFalse();
        checkFull(0.97);
        long first = now;
        assertThat(p.holdsReport(first, hold)).isTrue();
        assertThat(p.holdsReport(first + hold - 1, hold)).isTrue();
        assertThat(p.holdsReport(first + hold, hold)).as("held long enough: this one is written").isFalse();
        assertThat(p.releaseHeld()).as("and says what it covers").isTrue();
        assertThat(p.holdsReport(first + hold + 1, hold)).as("a new hold begins").isTrue();
        assertThat(p.releaseHeld()).isTrue();
        assertThat(p.releaseHeld()).isFalse();
    }

    /**
     * Young collections leave the old generation's garbage (G1 read 94-98% on a heap whose full collections left 90%),
     * ZGC reads 96-99% after every cycle of a thrashing heap: the level alone is trouble only; after a full collection,
     * or rising, it is running out.
     */
    @Test void aNearlyFullReadingAfterAYoungCollectionOrACycleIsTroubleOnly() {
        for (int i = 0; i < 30; i++) check(0.98 - (i % 3) * 0.01, 0);
        assertThat(p.shedding()).isTrue();
        assertThat(p.runningOut()).isFalse();
        checkFull(0.95);
        assertThat(p.runningOut()).isTrue();
    }

    @Test void aRiseIsRunningOutWhateverTheCollection() {
        for (double heap : new double[] {0.90, 0.92, 0.94, 0.96}) check(heap, 0);
        assertThat(p.runningOut()).isTrue();
    }

    @Test void aTimerLateMostOfTheTimeIsStarvationButOneLongPauseIsNot() {
        for (int i = 0; i < 12; i++) check(0.2, 0);
        check(0.2, 900);  // one long GC pause
        assertThat(p.shedding()).isFalse();
        for (int i = 0; i < 12; i++) check(0.2, i % 3 == 0 ? 0 : 300);  // stopped two thirds of the time
        assertThat(p.shedding()).isTrue();
        assertThat(p.runningOut()).isFalse();
        assertThat(p.reason()).startsWith("process starved of CPU");
        assertThat(p.takeWindow().skipped()).containsExactlyElementsOf(SelfProtection.SHED_IN_TROUBLE);
    }

    @Test void unknownOccupancyIsNoTrouble() {
        for (int i = 0; i < 20; i++) check(-1, 0);
        assertThat(p.shedding()).isFalse();
        assertThat(p.takeWindow()).isEqualTo(AgentStats.Shedding.NONE);
    }
}
