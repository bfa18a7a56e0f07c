package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** A virtual thread that blocked while pinned to its carrier (JDK 21+; JVMs without the event simply never send it). */
public final class VirtualThreadPinnedHandler implements JfrHandler {
    static final Duration THRESHOLD = Duration.ofMillis(20);  // JFR's default: shorter pins cost the scheduler little
    static final int MAX_DEPTH = 32;

    @Override public String event() { return "jdk.VirtualThreadPinned"; }

    @Override public void configure(EventSettings s) { s.withThreshold(THRESHOLD).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        window.threads().virtualPinned(e.getDuration(), Threads.name(e.getThread()), StackFrames.top(e.getStackTrace(), MAX_DEPTH));
    }
}
