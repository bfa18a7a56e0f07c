package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** Socket reads that took long, with the peer and the timeout they were made with (0 = none). */
public final class SocketReadHandler implements JfrHandler {
    static final Duration THRESHOLD = Duration.ofMillis(20);  // JFR's default: fast reads are the common case and cost nothing to skip
    static final int MAX_DEPTH = 48;                          // client libraries stack many JDK frames above the caller

    @Override public String event() { return "jdk.SocketRead"; }

    @Override public void configure(EventSettings s) { s.withThreshold(THRESHOLD).withStackTrace(); }

    /** {@code host:port} of a socket event; the address when the host name is not known. */
    static String peer(RecordedEvent e) {
        String host = e.getString("host");
        if (host == null || host.isEmpty()) host = e.getString("address");
        return host + ":" + e.getInt("port");
    }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread())) return;
        window.io().socketRead(peer(e), e.getDuration(), e.getLong("bytesRead"), e.getLong("timeout"),
                Threads.name(e.getThread()), StackFrames.top(e.getStackTrace(), MAX_DEPTH));
    }
}
