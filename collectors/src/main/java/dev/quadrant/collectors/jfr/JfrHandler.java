package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** Turns one JFR event type into window evidence. */
public interface JfrHandler {
    /** The JFR event name, e.g. {@code jdk.JavaMonitorEnter}. */
    String event();

    /** Thresholds, periods and stack traces for the event: each a cost decision, so each says why. */
    void configure(EventSettings settings);

    /** Copies what it needs: the stream may reuse the event object after this returns. */
    void accept(RecordedEvent event, WindowBuilder window);
}
