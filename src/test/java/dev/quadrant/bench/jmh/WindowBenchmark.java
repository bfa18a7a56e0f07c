package dev.quadrant.bench.jmh;

import dev.quadrant.core.AgentStats;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.Diagnosis;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
import dev.quadrant.reports.HtmlReport;
import dev.quadrant.reports.JsonReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The window's own costs at its largest: ingesting evidence (events/s on one core), reducing and classifying a
 * full window, and rendering its report.
 */
@State(Scope.Thread)
public class WindowBenchmark {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final int STACKS = 4096, DEPTH = 64;

    private List<List<String>> stacks;
    private WindowBuilder ingesting;
    private Window full;
    private Report report;
    private int next;

    @Setup(Level.Trial) public void build() {
        stacks = new ArrayList<>();
        for (int s = 0; s < STACKS; s++) {
            List<String> stack = new ArrayList<>();
            for (int d = 0; d < DEPTH; d++) stack.add("com.acme.layer" + d + ".Service" + (s % 97) + ".call" + (s % 13 + d) + "(Service" + (s % 97) + ".java:" + (d * 7 + s % 50) + ")");
            stacks.add(List.copyOf(stack));
        }
        WindowBuilder b = new WindowBuilder(1, T0);
        for (int i = 0; i < 200_000; i++) b.cpu().jfrSample(stacks.get(i % STACKS), 20);
        for (int i = 0; i < 50_000; i++) b.memory().allocationSample("byte[]", 4096, stacks.get((i * 7) % STACKS).subList(0, 16));
        for (int i = 0; i < 10_000; i++) b.threads().monitorWait("com.acme.Lock" + (i % 300), i % 200, "worker-" + (i % 200), "worker-0", Duration.ofMillis(15), stacks.get(i % STACKS).subList(0, 16));
        for (int i = 0; i < 10_000; i++) b.io().socketRead("db-" + (i % 300) + ":5432", Duration.ofMillis(25), 512, i % 2 == 0 ? 0 : 5000, "worker-" + (i % 200), stacks.get(i % STACKS).subList(0, 24));
        for (int i = 0; i < 64; i++) b.threads().blockedCall(new BlockedCall(BlockingKind.SOCKET_READ, "worker-" + i, Duration.ofSeconds(40), stacks.get(i)));
        b.jvm().cpu(1_900_000_000L, 0.95, 0.97, 2);
        b.jvm().allocated(20L << 30);
        for (int i = 0; i < 100; i++) b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(30), Duration.ofMillis(30), 300L << 20, T0.plusMillis(i * 100L));
        full = b.build(T0.plusSeconds(10), List.of());
        Diagnosis d = new RuleRunner(RuleCatalog.all()).run(full);
        report = Report.of(1, new JvmIdentity(1, "17", "vendor", "com.acme.Main", 1000), full, d, new AgentStats("bench", AgentStats.STARTED_WITH_JVM, full.coverage().eventsSeen(), full.coverage().eventsDropped(), 0, 0, List.of()));
    }

    @Setup(Level.Iteration) public void window() { ingesting = new WindowBuilder(1, T0); }

    /** One CPU sample with an already formatted stack into the window: the aggregation's share of an event's cost. */
    @Benchmark @BenchmarkMode(Mode.Throughput) @OutputTimeUnit(TimeUnit.SECONDS)
    public void ingestCpuSample() {
        ingesting.cpu().jfrSample(stacks.get(next), 20);
        if (++next == STACKS) next = 0;
    }

    /** Reducing a full window (4096 distinct 64-frame stacks, every table at its cap) and running every rule. */
    @Benchmark @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Diagnosis buildAndClassifyFullWindow() {
        WindowBuilder b = new WindowBuilder(1, T0);
        for (int i = 0; i < STACKS; i++) b.cpu().jfrSample(stacks.get(i), 20);
        return new RuleRunner(RuleCatalog.all()).run(b.build(T0.plusSeconds(10), List.of()));
    }

    @Benchmark @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Diagnosis classifyFullWindow() { return new RuleRunner(RuleCatalog.all()).run(full); }

    @Benchmark @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int renderReport() { return JsonReport.render(report).length() + HtmlReport.render(report).length(); }
}
