package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** Socket writes that took long (a full send buffer: the peer or the network does not keep up). */
public final class SocketWriteHandler implements JfrHandler {
    @Override public String event() { return "jdk.SocketWrite"; }

    @Override public void configure(EventSettings s) { s.withThreshold(SocketReadHandler.THRESHOLD).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread())) return;
        window.io().socketWrite(SocketReadHandler.peer(e), e.getDuration(), e.getLong("bytesWritten"), Threads.name(e.getThread()),
                StackFrames.top(e.getStackTrace(), SocketReadHandler.MAX_DEPTH));
    }
}
