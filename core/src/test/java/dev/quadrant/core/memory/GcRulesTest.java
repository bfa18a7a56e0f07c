package dev.quadrant.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcRulesTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final long MIB = 1 << 20;

    private final GcPauseRule pause = new GcPauseRule();
    private final GcOverheadRule overhead = new GcOverheadRule();

    @Test void aThreeHundredMillisecondFullCollectionIsAWarningWithCollectorAndCause() {
        Finding f = pause.evaluate(Windows.of(TEN_S).gcPauses(20, Duration.ofMillis(5)).gc("G1Full", "System.gc()", Duration.ofMillis(300), 400 * MIB).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).contains("G1Full").contains("300 ms").contains("System.gc()");
        assertThat(f.recommendation()).contains("DisableExplicitGC");
    }

    @Test void aSecondAndAHalfIsCriticalAndSerialIsToldToMove() {
        Finding f = pause.evaluate(Windows.of(TEN_S).gc("SerialOld", "Allocation Failure", Duration.ofMillis(1500), 400 * MIB).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.recommendation()).contains("G1");
    }

    @Test void ordinaryYoungPausesAreNothing() {
        assertThat(pause.evaluate(Windows.of(TEN_S).gcPauses(50, Duration.ofMillis(20)).build())).isEmpty();
    }

    @Test void aQuarterOfTheTimeInPausesIsCritical() {
        Finding f = overhead.evaluate(Windows.of(TEN_S).gcPauses(50, Duration.ofMillis(50)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("pauseShare", 0.25);
    }

    @Test void aHighShareOfAShortWindowIsOnlyInfo() {
        Finding f = overhead.evaluate(Windows.of(Duration.ofSeconds(1)).gcPauses(2, Duration.ofMillis(100)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test void windowsJfrDidNotRecordCountNeitherAsPausesNorAsTime() {
        // JFR paused while the heap ran out: of the last 10 s, 4 s have no pause figure; the 6 s it recorded paused 10%
        Duration twoS = Duration.ofSeconds(2);
        Windows w = Windows.of(twoS).history(Windows.series(6, twoS, (i, b) -> b.gcPauseMicros(i >= 4 ? 200_000 : -1))).gcPauses(4, Duration.ofMillis(50));
        Finding f = overhead.evaluate(w.build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("pauseSpanSeconds", 6.0).containsEntry("pauseShare", 0.1);
        assertThat(f.severity()).as("6% if the unrecorded 4 s counted as no pauses").isEqualTo(Severity.WARNING);
    }

    @Test void aHighShareSustainedOverShortWindowsIsAWarning() {
        Duration twoS = Duration.ofSeconds(2);
        Windows w = Windows.of(twoS).history(Windows.series(5, twoS, (i, b) -> b.gcPauseMicros(380_000))).gcPauses(200, Duration.ofNanos(1_900_000));
        Finding f = overhead.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("pauseShare", 0.19);
    }

    @Test void fullCollectionsBackToBackOverHalfAMinuteAreCritical() {
        Windows w = Windows.of(TEN_S).history(Windows.series(3, TEN_S, (i, b) -> b.fullCollections(6)));
        for (int i = 0; i < 6; i++) w.gc("ParallelOld", "Ergonomics", Duration.ofMillis(20), 100 * MIB);
        Finding f = overhead.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("full collections per minute");
    }

    @Test void aFewFullCollectionsAtStartUpAreNothing() {
        Windows w = Windows.of(TEN_S).history(Windows.series(3, TEN_S, (i, b) -> b.fullCollections(i == 0 ? 3 : 0)));
        assertThat(overhead.evaluate(w.build())).isEmpty();
    }

    @Test void aConcurrentCollectorThatNeverRestsIsAWarning() {
        Windows w = Windows.of(TEN_S).gc("Z", "Allocation Rate", Duration.ofMillis(1), 100 * MIB);
        w.jvm().gc(20, 9_300);
        Finding f = overhead.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("concurrentCycleShare", 0.93);
    }
}
