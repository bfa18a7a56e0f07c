package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

/** Threads that waited to enter a {@code synchronized} monitor. */
public final class JavaMonitorEnterHandler implements JfrHandler {
    static final Duration THRESHOLD = Duration.ofMillis(10);  // shorter waits are too cheap to matter and too many to record
    static final int MAX_DEPTH = 16;

    @Override public String event() { return "jdk.JavaMonitorEnter"; }

    @Override public void configure(EventSettings s) { s.withThreshold(THRESHOLD).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread())) return;
        RecordedClass monitor = e.getClass("monitorClass");
        window.threads().monitorWait(monitor == null ? "(unknown)" : TypeNames.readable(monitor.getName()),
                Threads.id(e.getThread()), Threads.name(e.getThread()),
                e.hasField("previousOwner") ? Threads.name(e.getThread("previousOwner")) : null,
                e.getDuration(), StackFrames.top(e.getStackTrace(), MAX_DEPTH));
    }
}
