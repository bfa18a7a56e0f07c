package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/**
 * How many Throwables were created: JFR counts them all cheaply and reports the running total periodically. Per-throw
 * events (jdk.JavaExceptionThrow) would cost a stack trace per exception, the very storm being measured.
 */
public final class ExceptionStatisticsHandler implements JfrHandler {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private long last = -1;

    @Override public String event() { return "jdk.ExceptionStatistics"; }

    @Override public void configure(EventSettings s) { s.withPeriod(PERIOD); }

    @Override public synchronized void accept(RecordedEvent e, WindowBuilder window) {
        long total = e.getLong("throwables");
        if (last >= 0 && total >= last) window.cpu().exceptionsThrown(total - last);
        last = total;
    }
}
