package dev.quadrant.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one window took in and left out. Every part of the window counts here, so a report says how much evidence its
 * caps or its closing cost. Once closed, everything offered counts as dropped.
 */
final class Intake {
    private final LongAdder seen = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    /** False once the window is closed: the evidence is counted as dropped instead. */
    boolean accept() {
        if (closed) {
            dropped.increment();
            return false;
        }
        seen.increment();
        return true;
    }

    void drop() { dropped.increment(); }

    void drop(long events) { dropped.add(events); }

    /**
     * Called before the parts are built. Each part accepts and builds under its own lock, so an add either lands
     * before its part is built or sees the window closed.
     */
    void close() { closed = true; }

    long seen() { return seen.sum(); }

    long dropped() { return dropped.sum(); }
}
