package dev.quadrant.bench.jmh;

import dev.quadrant.collectors.jfr.JfrCollector;
import dev.quadrant.collectors.jfr.JfrHandler;
import dev.quadrant.core.WindowBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of handling one real JFR event of each kind Quadrant subscribes to, into a window. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandlerBenchmark {
    // Not here: jdk.Deoptimization, jdk.CodeCacheFull and jdk.CompilationFailure (the JVM emits them on conditions a
    // benchmark cannot provoke reliably) and jdk.VirtualThreadPinned (JDK 21+ only): rare events.
    @Param({"jdk.ExecutionSample", "jdk.ObjectAllocationSample", "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.SocketWrite",
            "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce", "jdk.GarbageCollection", "jdk.GCHeapSummary", "jdk.ExceptionStatistics",
            "jdk.OldObjectSample"})
    public String event;

    private List<RecordedEvent> events;
    private JfrHandler handler;
    private WindowBuilder window;
    private int next;

    @Setup(Level.Trial) public void record() throws Exception {
        Map<String, List<RecordedEvent>> all = RecordedEvents.record();
        events = all.get(event);
        if (events == null || events.isEmpty()) throw new IllegalStateException("no " + event + " recorded");
        handler = JfrCollector.defaultHandlers().stream().filter(h -> h.event().equals(event)).findFirst().orElseThrow();
    }

    /** A fresh window each iteration, as each report period starts one. */
    @Setup(Level.Iteration) public void window() { window = new WindowBuilder(1, Instant.now()); }

    @Benchmark public void accept() {
        handler.accept(events.get(next), window);
        if (++next == events.size()) next = 0;
    }
}
