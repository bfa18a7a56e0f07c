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
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
import dev.quadrant.core.evidence.DeadlockedThread;
import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
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

    /** A minute in which every key figure is known: each MXBean level, GC pauses, contention, slow I/O and a pool. */
    static Window fullWindow() {
        List<String> stack = List.of("com.acme.Orders.load(Orders.java:12)", "java.lang.Thread.run(Thread.java:840)");
        WindowBuilder b = new WindowBuilder(42, T0);
        b.jvm().heap(222_718_771L, 512L << 20, 1L << 30).gc(7, 42).threads(1234, 12, 1300, 5)
                .cpu(73_512_345_678L, 0.5, 0.6254, 8).fileDescriptors(120, 1_048_576).buffers(64L << 20, 10, 256L << 20, -1)
                .classes(8_000, 3).allocated(6L << 30);
        for (int i = 0; i < 3; i++) b.cpu().jfrSample(stack, 20);
        b.cpu().threadDumpSample(stack, 1500, 3);
        b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofNanos(1_234_456_789), Duration.ofNanos(834_567_890), 100L << 20);
        b.memory().gc("G1New", "G1 Evacuation Pause", Duration.ofMillis(12), Duration.ofMillis(12), 90L << 20);
        b.threads().monitorWait("com.acme.Cache", 1, "worker-1", "worker-2", Duration.ofMillis(250), stack);
        b.threads().deadlocked(new DeadlockedThread("worker-4", "BLOCKED", "com.acme.A", "worker-5", List.of("com.acme.B"), stack));
        b.threads().blockedCall(new BlockedCall(BlockingKind.FUTURE_GET, "worker-3", Duration.ofSeconds(2), stack));
        b.threads().blockedCall(new BlockedCall(BlockingKind.SOCKET_READ, "client-1", Duration.ofSeconds(3), stack));
        b.threads().virtualPinned(Duration.ofMillis(30), "vt-1", stack);
        b.threads().pool(new ThreadPool("orders-N", "ThreadPoolExecutor", new ThreadPool.Origin("com.acme.Orders.<init>(Orders.java:5)", stack),
                new ThreadPool.Sizes(8, 8, 8, 8, 8), new ThreadPool.Queue(120, 100, 1000), new ThreadPool.Throughput(5_000, 4_321, 2, "AbortPolicy", "http-1", stack),
                new ThreadPool.TaskTimes(10, Duration.ofMillis(6_000), Duration.ofSeconds(2), List.of()), Duration.ofSeconds(3),
                new ThreadPool.TaskTimes(10, Duration.ofMillis(500), Duration.ofMillis(90), List.of()), false));
        b.io().socketRead("db:5432", Duration.ofMillis(800), 10, 0, "client-1", stack);
        b.io().socketWrite("db:5432", Duration.ofMillis(700), 65536, "client-1", stack);
        b.io().fileIo("/var/data/orders.db", "read", Duration.ofMillis(300), 4096, "importer-1", stack);
        return b.build(T0.plusSeconds(60), List.of());
    }

    static Report full() {
        Window w = fullWindow();
        return Report.of(1, new JvmIdentity(42, "17.0.15", "Debian", "com.acme.Main", 1234), w, new RuleRunner(List.of()).run(w),
                new AgentStats("0.1.0", AgentStats.STARTED_WITH_JVM, 10, 1, 5, 0, List.of()));
    }
}
