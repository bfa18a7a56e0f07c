package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.AgentStats;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.Timeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A busy hour's report, every table of the window filled to its cap, stays small enough to mail and open at once. */
class ReportSizeTest {
    static final long MAX_BYTES = 2L << 20;

    @Test void aWindowFilledToEveryCapRendersUnderTwoMegabytes() {
        Instant t0 = Reports.T0;
        WindowBuilder b = new WindowBuilder(1, t0);
        List<List<String>> stacks = new ArrayList<>();
        for (int s = 0; s < 5000; s++) {
            List<String> stack = new ArrayList<>();
            for (int d = 0; d < 60; d++) stack.add("com.acme.service.layer" + d + ".Handler" + (s % (d + 3)) + ".handle" + (s % 17) + "(Handler.java:" + (d * 7 + s % 11) + ")");
            stacks.add(stack);
        }
        for (int i = 0; i < 200_000; i++) b.cpu().jfrSample(stacks.get(i % stacks.size()), 20);
        for (int i = 0; i < 20_000; i++) b.memory().allocationSample("byte[]" + (i % 7), 4096, stacks.get(i % stacks.size()));
        for (int i = 0; i < 5_000; i++) b.threads().monitorWait("com.acme.Lock" + (i % 300), i, "worker-" + i, "owner", Duration.ofMillis(25), stacks.get(i % stacks.size()));
        for (int i = 0; i < 700; i++) b.timelinePoint(new Timeline.Point(t0.plusSeconds(i * 5L), 300L << 20, 200, 0.5, 0.6, Map.of("orders-N", 5L, "io-N", 2L)));
        for (int i = 0; i < 3000; i++) b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(8), Duration.ofMillis(8), 200L << 20, t0.plusMillis(i * 1200L));
        List<JvmSample> history = new ArrayList<>();
        for (int i = 0; i < 120; i++) history.add(new JvmSample.Builder().heap(300L << 20, 1L << 30, 4L << 30).threads(200, 20, 210, 0).build(t0.minusSeconds(3600L * (120 - i))));
        Window w = b.build(t0.plusSeconds(3600), history);
        Report r = Report.of(1, new JvmIdentity(1, "17", "v", "com.acme.Main", 1), w, new RuleRunner(RuleCatalog.all()).run(w),
                new AgentStats("t", AgentStats.STARTED_WITH_JVM, w.coverage().eventsSeen(), w.coverage().eventsDropped(), 0, 0, List.of()));
        long html = HtmlReport.render(r).getBytes(StandardCharsets.UTF_8).length;
        long json = JsonReport.render(r).getBytes(StandardCharsets.UTF_8).length;
        assertThat(html).as("HTML bytes").isLessThan(MAX_BYTES);
        assertThat(json).as("JSON bytes").isLessThan(MAX_BYTES);
        System.out.printf("busy hour: HTML %,d bytes, JSON %,d bytes%n", html, json);
    }
}
