package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

/** Sampled heap allocations, each weighted by the bytes it stands for: the allocation sites. */
public final class ObjectAllocationSampleHandler implements JfrHandler {
    static final String THROTTLE = "150/s";  // JFR's default profile rate: bounded cost whatever the allocation rate
    static final int MAX_DEPTH = 16;

    @Override public String event() { return "jdk.ObjectAllocationSample"; }

    @Override public void configure(EventSettings s) { s.with("throttle", THROTTLE).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if (Threads.isAgent(e.getThread())) return;
        RecordedClass type = e.getClass("objectClass");
        window.memory().allocationSample(type == null ? "(unknown)" : TypeNames.readable(type.getName()), e.getLong("weight"), StackFrames.top(e.getStackTrace(), MAX_DEPTH));
    }
}
