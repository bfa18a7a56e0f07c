package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelinesTest {
    static final Instant T0 = Reports.T0;

    @Test void roundCeilingsKeepQuarterTicksRound() {
        assertThat(Chart.niceCeiling(0.7)).isCloseTo(0.8, within(1e-9));
        assertThat(Chart.niceCeiling(3)).isEqualTo(4);
        assertThat(Chart.niceCeiling(4)).isEqualTo(4);
        assertThat(Chart.niceCeiling(61)).isEqualTo(80);
        assertThat(Chart.niceCeiling(999)).isEqualTo(1000);
        assertThat(Chart.niceBytes(256L << 20)).isEqualTo(256L << 20);
        assertThat(Chart.niceBytes(300L << 20)).isEqualTo(512L << 20);
        assertThat(Chart.niceBytes(5.5 * (1L << 30))).isEqualTo(8.0 * (1L << 30));
        assertThat(Chart.niceBytes(700)).isEqualTo(1024);
        assertThat(Chart.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Chart.bytes(3L << 30)).isEqualTo("3 GiB");
    }

    @Test void chartLeavesOutUnknownValuesAndEscapesNames() {
        Html out = new Html();
        long t = T0.toEpochMilli();
        new Chart("Queue <b>", Chart.Unit.COUNT, t, t + 4000)
                .add("pool <img src=x>", Chart.Kind.LINE, "#123456", new long[] {t, t + 1000, t + 2000, t + 3000}, new double[] {1, -1, Double.NaN, 3})
                .render(out);
        String svg = out.toString();
        assertThat(svg).doesNotContain("<img").doesNotContain("Queue <b>").contains("pool &lt;img src=x&gt;").contains("Queue &lt;b&gt;");
        assertThat(svg).containsOnlyOnce("<path").contains("M62.0,").containsPattern("d=\"M[0-9.,]+L[0-9.,]+\"");  // two known points: one segment
    }

    @Test void aPointBeforeThePeriodWidensTheAxisInsteadOfFallingOffIt() {
        Html out = new Html();
        new Chart("GC", Chart.Unit.MILLIS, 10_000, 20_000).add("pause", Chart.Kind.BARS, "#000", new long[] {9_000, 15_000}, new double[] {5, 6}).render(out);
        assertThat(out.toString()).doesNotContain("x=\"-").contains("x=\"61.0\"");  // the late event sits at the left edge
    }

    @Test void chartWithNoKnownValueSaysSo() {
        Html out = new Html();
        new Chart("Heap", Chart.Unit.BYTES, 0, 1000).add("used", Chart.Kind.LINE, "#000", new long[] {0}, new double[] {-1}).render(out);
        assertThat(out.toString()).contains("No data in this period").doesNotContain("<svg");
    }

    @Test void windowColumnsCarryPointsPausesAndPoolQueues() {
        WindowBuilder b = new WindowBuilder(1, T0);
        b.timelinePoint(new Timeline.Point(T0.plusSeconds(1), 100 << 20, 40, 0.5, 0.75, Map.of("orders-N", 3L)));
        b.timelinePoint(new Timeline.Point(T0.plusSeconds(2), 120 << 20, 41, -1, 0.8, Map.of()));
        b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(12), Duration.ofMillis(12), 80L << 20, T0.plusMillis(1500));
        b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(5), Duration.ofMillis(5), -1);  // no start time: not on the timeline
        var w = b.build(T0.plusSeconds(3), List.of());
        Timelines.Window win = Timelines.window(w.timeline());
        assertThat(win.time()).containsExactly(T0.plusSeconds(1).toEpochMilli(), T0.plusSeconds(2).toEpochMilli());
        assertThat(win.processCpu()[0]).isEqualTo(50);
        assertThat(win.processCpu()[1]).isNaN();
        assertThat(win.poolQueues().get("orders-N")[0]).isEqualTo(3);
        assertThat(win.poolQueues().get("orders-N")[1]).isNaN();
        Timelines.Pauses p = Timelines.pauses(w.timeline());
        assertThat(p.pauseMs()).containsExactly(12.0);
        assertThat(p.heapAfter()).containsExactly(80.0 * (1 << 20));
    }

    @Test void runColumnsTurnCpuTimeIntoAShareOfTheMachine() {
        JvmSample first = new JvmSample.Builder().cpu(-1, 0.1, 0.2, 2).build(T0);
        JvmSample second = new JvmSample.Builder().cpu(10_000_000_000L, 0.5, 0.6, 2).heap(10, 20, 100).heapAfterGc(5, -1).build(T0.plusSeconds(10));
        Timelines.Windows h = Timelines.windows(List.of(first, second));
        assertThat(h.processCpu()[0]).isNaN();             // the first window's length is unknown
        assertThat(h.processCpu()[1]).isEqualTo(50);       // 10 s of CPU in 10 s on 2 cores
        assertThat(h.heapAfterGc()).containsExactly(Double.NaN, 5);
        assertThat(h.heapMax()).isEqualTo(100);
        assertThat(h.poolQueues()).isEmpty();
    }

    @Test void poolQueuesAcrossTheRunHaveAGapWhereAPoolWasMissing() {
        JvmSample a = new JvmSample.Builder().poolQueues(Map.of("orders-N", 4L)).build(T0);
        JvmSample b = new JvmSample.Builder().poolQueues(Map.of("mail-N", 9L)).build(T0.plusSeconds(10));
        Timelines.Windows h = Timelines.windows(List.of(a, b));
        assertThat(h.poolQueues().get("orders-N")).containsExactly(4, Double.NaN);
        assertThat(h.poolQueues().get("mail-N")).containsExactly(Double.NaN, 9);
    }

    @Test void theJsonHasTheColumnsWithNullForUnknown() {
        String json = JsonReport.render(Reports.report(1, "w"));
        assertThat(json).contains("\"timeline\"").contains("\"window\"").contains("\"gcPauses\"").contains("\"windows\"");
        String compact = Json.compact(Map.of("a", List.of(1, 2), "b", java.util.Arrays.asList(1.5, null)));
        assertThat(compact).doesNotContain(" ").doesNotContain("\n").contains("\"a\":[1,2]").contains("\"b\":[1.5,null]");
    }
}
