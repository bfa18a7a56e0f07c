package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.OldObject;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * Objects JFR's leak profiler sampled at allocation and that are still alive. The JVM emits them only when a recording
 * stops ({@link JfrCollector#requestOldObjects}). No path to GC roots: finding it stops the JVM for 100-340 ms
 * (measured on a 128 MiB heap), too much for an agent that runs in production.
 */
public final class OldObjectSampleHandler implements JfrHandler {
    static final int MAX_DEPTH = 16;
    static final String CUTOFF = "0 ns";  // no path to GC roots

    @Override public String event() { return "jdk.OldObjectSample"; }

    @Override public void configure(EventSettings s) { s.with("cutoff", CUTOFF).withStackTrace(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        RecordedObject object = e.getValue("object");
        RecordedClass type = object == null ? null : object.getValue("type");
        long elements = e.hasField("arrayElements") ? e.getInt("arrayElements") : -1;
        window.memory().oldObject(new OldObject(type == null ? "(unknown)" : TypeNames.readable(type.getName()), e.getDuration("objectAge"),
                elements, StackFrames.top(e.getStackTrace(), MAX_DEPTH)));
    }
}
