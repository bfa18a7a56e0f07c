package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.MethodShare;
import dev.quadrant.core.evidence.Timeline;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowBuilderTest {
    private final WindowBuilder b = new WindowBuilder(1, Windows.T0);

    @Test void aWindowJfrDidNotRecordTakesThePauseBeansFigureOrNone() {
        WindowBuilder paused = new WindowBuilder(1, Windows.T0);
        paused.jfrSince(Windows.T0.plusSeconds(1));  // JFR (re)started within the window
        paused.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), Duration.ofMillis(5), -1);  // JFR's part of the window
        paused.jvm().beanPauseMicros(400_000);
        assertThat(paused.build(Windows.T0.plusSeconds(2), List.of()).jvm().gcPauseMicros()).isEqualTo(400_000);

        WindowBuilder noBeans = new WindowBuilder(1, Windows.T0);
        noBeans.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), Duration.ofMillis(5), -1);
        assertThat(noBeans.build(Windows.T0.plusSeconds(2), List.of()).jvm().gcPauseMicros()).as("unknown, not zero").isEqualTo(-1);

        WindowBuilder recorded = new WindowBuilder(1, Windows.T0);
        recorded.jfrSince(Windows.T0.minusSeconds(5));
        recorded.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), Duration.ofMillis(5), -1);
        recorded.jvm().beanPauseMicros(400_000);
        assertThat(recorded.build(Windows.T0.plusSeconds(2), List.of()).jvm().gcPauseMicros()).as("JFR's own figure").isEqualTo(5_000);
    }

    @Test void cpuSelfAndTotalSharesCountEachMethodOncePerStack() {
        for (int i = 0; i < 3; i++) b.cpu().jfrSample(List.of("a.A.leaf(A.java:1)", "a.A.mid(A.java:2)", "a.A.mid(A.java:3)", "a.A.root(A.java:4)"), 1);
        b.cpu().jfrSample(List.of("a.A.mid(A.java:2)", "a.A.root(A.java:4)"), 1);
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());

        assertThat(w.cpu().jfr().cpuMillis()).isEqualTo(4);
        MethodShare leaf = w.cpu().jfr().topMethods().get(0);
        assertThat(leaf.method()).isEqualTo("a.A.leaf");
        assertThat(leaf.selfMillis()).isEqualTo(3);
        assertThat(leaf.totalMillis()).isEqualTo(3);
        MethodShare mid = w.cpu().jfr().topMethods().get(1);
        assertThat(mid.selfMillis()).isEqualTo(1);
        assertThat(mid.totalMillis()).isEqualTo(4);  // recursion in one stack counts once
    }

    @Test void distinctStacksAreCappedAndTheOverflowCounted() {
        int over = 10;
        for (int i = 0; i < CpuEvidenceBuilder.MAX_CPU_STACKS + over; i++) b.cpu().jfrSample(List.of("a.A.m" + i + "(A.java:1)"), 1);
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        assertThat(w.cpu().jfr().distinctStacks()).isEqualTo(CpuEvidenceBuilder.MAX_CPU_STACKS);
        assertThat(w.cpu().jfr().cpuMillis()).isEqualTo(CpuEvidenceBuilder.MAX_CPU_STACKS + over);
        assertThat(w.coverage().eventsDropped()).isEqualTo(over);
        assertThat(w.cpu().jfr().topMethods()).hasSize(StackWeights.TOP_METHODS);
    }

    @Test void monitorTablesAreCapped() {
        for (int i = 0; i < ThreadsEvidenceBuilder.MAX_MONITOR_KEYS + 5; i++) b.threads().monitorWait("C" + i, 1, "t", "o", Duration.ofMillis(20), List.of("a.A.m(A.java:1)"));
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        assertThat(w.threads().monitors()).hasSize(ThreadsEvidenceBuilder.MAX_MONITOR_KEYS);
        assertThat(w.coverage().eventsDropped()).isEqualTo(5);
    }

    @Test void evidenceAfterBuildIsDroppedNotAdded() {
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        b.cpu().jfrSample(List.of("a.A.m(A.java:1)"), 1);
        assertThat(w.cpu().jfr().cpuMillis()).isZero();
        assertThat(b.droppedSoFar()).isEqualTo(1);
    }

    @Test void allocationSitesGroupByApplicationFrameAndType() {
        b.memory().allocationSample("byte[]", 100, List.of("java.util.Arrays.copyOf(Arrays.java:1)", "com.acme.A.x(A.java:5)"));
        b.memory().allocationSample("byte[]", 50, List.of("java.lang.String.<init>(String.java:9)", "com.acme.A.x(A.java:5)"));
        b.memory().allocationSample("char[]", 30, List.of("com.acme.B.y(B.java:2)"));
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        assertThat(w.memory().allocations().sampledBytes()).isEqualTo(180);
        assertThat(w.memory().allocations().topSites().get(0).site()).isEqualTo("com.acme.A.x(A.java:5)");
        assertThat(w.memory().allocations().topSites().get(0).bytes()).isEqualTo(150);
    }

    @Test void socketReadsSeparateUntimedOnes() {
        b.io().socketRead("db:5432", Duration.ofMillis(30), 100, 5000, "t1", List.of());
        b.io().socketRead("db:5432", Duration.ofSeconds(2), 10, 0, "t2", List.of("x.Y.z(Y.java:1)"));
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        var e = w.io().sockets().get(0);
        assertThat(e.reads()).isEqualTo(2);
        assertThat(e.untimedReads()).isEqualTo(1);
        assertThat(e.untimedThread()).isEqualTo("t2");
        assertThat(e.bytes()).isEqualTo(110);
    }

    @Test void monitorWaitersAreCountedByThreadNotByName() {
        // a thread factory that does not number its threads: four workers, one name
        for (long id = 1; id <= 4; id++) b.threads().monitorWait("com.acme.Ledger", id, "ledger-worker", "owner", Duration.ofMillis(700), List.of("com.acme.Ledger.post(Ledger.java:9)"));
        b.threads().monitorWait("com.acme.Ledger", 2, "ledger-worker", "owner", Duration.ofMillis(700), List.of("com.acme.Ledger.post(Ledger.java:9)"));
        var c = b.build(Windows.T0.plusSeconds(1), List.of()).threads().monitors().get(0);
        assertThat(c.threadCount()).isEqualTo(4);
        assertThat(c.threads()).containsExactly("ledger-worker");
        assertThat(c.waits()).isEqualTo(5);
    }

    @Test void lockWaitsFromMonitorsAndLocksFormOneTreeInMicroseconds() {
        b.threads().monitorWait("com.acme.Ledger", 1, "w1", "w2", Duration.ofMillis(30), List.of("com.acme.Ledger.post(Ledger.java:9)", "com.acme.Api.pay(Api.java:3)"));
        b.threads().lockWaits("java.util.concurrent.locks.ReentrantLock$NonfairSync", 7, 4, Duration.ofMillis(20), Duration.ofMillis(9), 2, List.of("w3"), "w3",
                List.of("com.acme.Cache.put(Cache.java:5)", "com.acme.Api.pay(Api.java:4)"));
        var tree = b.build(Windows.T0.plusSeconds(1), List.of()).threads().lockWaits();
        assertThat(tree.weight()).isEqualTo(50_000);
        assertThat(tree.toString()).contains("waiting for com.acme.Ledger").contains("waiting for java.util.concurrent.locks.ReentrantLock$NonfairSync");
    }

    @Test void timelineKeepsPointsAndPausesInOrderAndCapped() {
        for (int i = 0; i < WindowBuilder.MAX_TIMELINE_POINTS + 5; i++) {
            b.timelinePoint(new dev.quadrant.core.evidence.Timeline.Point(Windows.T0.plusMillis(i), 1, 1, 0, 0, java.util.Map.of()));
        }
        b.memory().gc("G1New", "c", Duration.ofMillis(2), Duration.ofMillis(2), 10, Windows.T0.plusMillis(900));
        b.memory().gc("G1New", "c", Duration.ofMillis(3), Duration.ofMillis(3), 10, Windows.T0.plusMillis(100));
        Window w = b.build(Windows.T0.plusSeconds(1), List.of());
        assertThat(w.timeline().points()).hasSize(WindowBuilder.MAX_TIMELINE_POINTS);
        assertThat(w.coverage().eventsDropped()).isEqualTo(5);
        assertThat(w.timeline().pauses()).extracting(p -> p.pause().toMillis()).containsExactly(3L, 2L);  // by time
    }

    @Test void onlyTheDeepestPoolQueuesAreCharted() {
        Map<String, Long> depths = new HashMap<>();
        for (long i = 0; i < 20; i++) depths.put("pool-" + i, i);
        Map<String, Long> top = Timeline.deepest(depths);
        assertThat(top).hasSize(Timeline.CHARTED_POOLS).containsEntry("pool-19", 19L).doesNotContainKey("pool-11");
        assertThat(Timeline.deepest(Map.of("a", 1L))).containsOnlyKeys("a");
    }
}
