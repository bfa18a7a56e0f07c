package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Slow file reads, writes and forces (fsync), by path. JFR times every file call once its file events are on; only
 * the ones over the threshold are written, so the cost per fast call is two clock reads.
 */
public final class FileIoHandler implements JfrHandler {
    static final Duration THRESHOLD = Duration.ofMillis(20);  // JFR's default: local storage answers far below it
    static final int MAX_DEPTH = 32;

    private final String event, operation, bytesField;

    private FileIoHandler(String event, String operation, String bytesField) {
        this.event = event;
        this.operation = operation;
        this.bytesField = bytesField;
    }

    static FileIoHandler reads() { return new FileIoHandler("jdk.FileRead", "read", "bytesRead"); }
    static FileIoHandler writes() { return new FileIoHandler("jdk.FileWrite", "write", "bytesWritten"); }
    static FileIoHandler forces() { return new FileIoHandler("jdk.FileForce", "force", null); }

    @Override public String event() { return event; }

    @Override public void configure(EventSettings s) { s.withThreshold(THRESHOLD).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread())) return;
        String path = e.getString("path");
        long bytes = bytesField == null ? 0 : e.getLong(bytesField);
        window.io().fileIo(path == null ? "(unknown)" : path, operation, e.getDuration(), bytes, Threads.name(e.getThread()),
                StackFrames.top(e.getStackTrace(), MAX_DEPTH));
    }
}
