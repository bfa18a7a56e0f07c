package dev.quadrant.core.memory;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapRulesTest {
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final long MIB = 1 << 20;
    static final long MAX = 4096 * MIB;

    private final HeapLeakRule leak = new HeapLeakRule();
    private final HeapExhaustionRule exhaustion = new HeapExhaustionRule();

    /** Ten earlier one-minute windows with heap after young and old collections as given. */
    private static Windows heap(java.util.function.IntToLongFunction afterYoung, java.util.function.IntToLongFunction afterOld) {
        Windows w = Windows.of(MINUTE).history(Windows.series(10, MINUTE, (i, b) -> b.heap(0, MAX, MAX).heapAfterGc(afterYoung.applyAsLong(i), afterOld.applyAsLong(i))));
        w.jvm().heap(0, MAX, MAX);
        return w;
    }

    @Test void aLiveSetRisingAfterOldCollectionsIsALeakWithTimeLeftAndCandidates() {
        List<String> site = stack("java.util.ArrayList.add(ArrayList.java:1)", "com.acme.Audit.record(Audit.java:42)");
        Windows w = heap(i -> 1000 * MIB + i * 50 * MIB, i -> 1000 * MIB + i * 50 * MIB)
                .gc("G1Old", "G1 Periodic", Duration.ofMillis(5), 1550 * MIB);
        for (int i = 0; i < 30; i++) w.oldObject("com.acme.AuditEntry", Duration.ofMinutes(i), site);
        w.oldObject("java.lang.String", Duration.ofMinutes(1), stack("com.acme.Other.x(Other.java:1)"));
        Finding f = leak.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);  // 2.5 GiB left at 50 MiB/min: under an hour
        assertThat(f.evidence()).containsEntry("confirmedByOldCollections", true).containsEntry("measuredAfter", "old-generation collections");
        @SuppressWarnings("unchecked") List<Map<String, Object>> candidates = (List<Map<String, Object>>) f.evidence().get("leakCandidates");
        assertThat(candidates.get(0)).containsEntry("type", "com.acme.AuditEntry").containsEntry("site", "com.acme.Audit.record(Audit.java:42)")
                .containsEntry("samples", 30).containsEntry("oldestSeconds", 29 * 60L);
        assertThat(f.stack()).isEqualTo(site);
    }

    @Test void aSlowLeakThatFillsTheHeapInDaysIsInfo() {
        Windows w = heap(i -> 1000 * MIB + i * 20 * MIB, i -> 1000 * MIB + i * 20 * MIB / 30 * 30)
                .gc("G1Old", "G1 Periodic", Duration.ofMillis(5), 1220 * MIB);
        // 20 MiB/min with 2.8 GiB left: full in about 2.4 h -> warning, not critical
        assertThat(leak.evaluate(w.build()).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    @Test void growthSeenOnlyAfterYoungCollectionsIsHeldAtInfo() {
        Windows w = heap(i -> 1000 * MIB + i * 50 * MIB, i -> -1).gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), 1550 * MIB);
        Finding f = leak.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.title()).contains("not yet confirmed");
    }

    @Test void aHeapThatLevelsOffIsNoLeak() {
        Windows w = heap(i -> (long) (2000 * MIB * (1 - Math.exp(-i / 2.0))), i -> -1).gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), 2000 * MIB);
        assertThat(leak.evaluate(w.build())).isEmpty();
    }

    @Test void aSawtoothIsNoLeak() {
        Windows w = heap(i -> 1000 * MIB + (i % 3) * 300 * MIB, i -> i % 3 == 0 ? 1000 * MIB : -1)
                .gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), 1000 * MIB);
        assertThat(leak.evaluate(w.build())).isEmpty();
    }

    @Test void ninetyFivePercentLiveAfterAnOldCollectionIsCritical() {
        Windows w = heap(i -> -1, i -> -1).gc("G1Full", "Allocation Failure", Duration.ofMillis(500), MAX * 95 / 100);
        Finding f = exhaustion.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("measuredAfter", "old-generation collection");
    }

    @Test void anOldCollectionAFewWindowsAgoStillCounts() {
        Windows w = heap(i -> -1, i -> i == 8 ? MAX * 85 / 100 : -1).gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), MAX * 90 / 100);
        Finding f = exhaustion.evaluate(w.build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("heapAfterGcBytes", MAX * 85 / 100);
    }

    @Test void fullAfterYoungCollectionsOnlyIsInfo() {
        Windows w = heap(i -> -1, i -> -1).gc("ParallelScavenge", "Allocation Failure", Duration.ofMillis(5), MAX * 95 / 100);
        assertThat(exhaustion.evaluate(w.build()).orElseThrow().severity()).isEqualTo(Severity.INFO);
    }

    @Test void aHalfFullHeapIsNothing() {
        Windows w = heap(i -> -1, i -> -1).gc("G1Full", "System.gc()", Duration.ofMillis(50), MAX / 2);
        assertThat(exhaustion.evaluate(w.build())).isEmpty();
    }
}
