package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** CPU samples of threads running Java code, for hot methods and (later) flame graphs. */
public final class ExecutionSampleHandler implements JfrHandler {
    static final Duration PERIOD = Duration.ofMillis(20);  // JFR's own default: ~1% overhead, 50 samples/s per running thread
    static final int MAX_DEPTH = 64;

    @Override public String event() { return "jdk.ExecutionSample"; }

    @Override public void configure(EventSettings s) { s.withPeriod(PERIOD).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread("sampledThread"))) return;
        window.cpu().jfrSample(StackFrames.top(e.getStackTrace(), MAX_DEPTH), PERIOD.toMillis());
    }
}
