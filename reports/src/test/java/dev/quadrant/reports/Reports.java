package dev.quadrant.reports;

import dev.quadrant.core.AgentStats;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.Diagnosis;
import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Report fixtures for rendering tests. */
final class Reports {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";

    record Fixed(String id, Dimension dimension, int score, String name) implements Rule {
        @Override public RuleInfo info() { return new RuleInfo("t", "e", "th", "f", "v"); }
        @Override public Optional<Finding> evaluate(Window window) {
            return Optional.of(Finding.of(this, score).title("Thread " + name + " is stuck").detail("detail " + name)
                    .evidence("thread", name).evidence("count", 3).evidence("sites", List.of(Map.of("site", name, "share", 0.5)))
                    .stack(List.of("com.acme.A.b(A.java:1)", name)).recommendation("fix " + name).verify("jcmd 1 Thread.print").build());
        }
    }

    static Report report(int sequence, String name) {
        WindowBuilder b = new WindowBuilder(42, T0);
        b.cpu().jfrSample(List.of("com.acme.Hot.loop(Hot.java:7)", "com.acme." + name + ".run(X.java:1)", "java.lang.Thread.run(Thread.java:840)"), 20);
        b.cpu().jfrSample(List.of("com.acme.Cold.wait(Cold.java:9)", "java.lang.Thread.run(Thread.java:840)"), 20);
        b.memory().allocationSample("byte[]", 4096, List.of("com.acme.Buf.grow(Buf.java:3)"));
        Window w = b.build(T0.plusSeconds(60), List.of());
        Diagnosis d = new RuleRunner(List.of(new Fixed("threads.x", Dimension.THREADS, 80, name), new Fixed("cpu.y", Dimension.CPU, 30, name))).run(w);
        return Report.of(sequence, new JvmIdentity(42, "17.0.15", "Debian", "com.acme.Main " + name, 1234), w, d, new AgentStats("0.1.0", AgentStats.STARTED_WITH_JVM, 10, 1, 5, 0, List.of()));
    }
}
