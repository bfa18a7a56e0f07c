package dev.quadrant.core;

import java.time.Duration;
import java.util.List;

/**
 * The slowest call seen so far, with the thread that made it and its stack: the example a finding shows. {@code detail}
 * says what else mattered at that moment (the lock's owner, the file operation). Not thread-safe.
 */
public final class Slowest {
    private long nanos;
    private String thread;
    private String detail;
    private List<String> stack = List.of();

    /** Keeps the call when it took at least as long as the slowest so far (of equals, the latest); returns whether it did. */
    public boolean offer(long callNanos, String callThread, List<String> callStack, String callDetail) {
        if (callNanos < nanos) return false;
        nanos = callNanos;
        thread = callThread;
        stack = callStack;
        detail = callDetail;
        return true;
    }

    public boolean offer(long callNanos, String callThread, List<String> callStack) { return offer(callNanos, callThread, callStack, null); }

    /**
     * The stack of a call offered without one, walked after the fact (outside its owner's lock, and only for a call
     * slow enough to be worth the walk); ignored when a slower call came meanwhile.
     */
    public void stackOf(long callNanos, List<String> callStack) {
        if (callNanos == nanos) stack = callStack;
    }

    public long nanos() { return nanos; }

    public Duration duration() { return Duration.ofNanos(nanos); }

    /** Null until a call was offered. */
    public String thread() { return thread; }

    public List<String> stack() { return stack; }

    public String detail() { return detail; }
}
