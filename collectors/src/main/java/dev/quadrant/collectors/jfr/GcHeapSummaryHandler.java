package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** Heap used right after each collection: the live-set figure leak and exhaustion rules trend. */
public final class GcHeapSummaryHandler implements JfrHandler {
    private final GcJoin join;

    GcHeapSummaryHandler(GcJoin join) { this.join = join; }

    @Override public String event() { return "jdk.GCHeapSummary"; }

    // Two per collection, no stack.
    @Override public void configure(EventSettings s) { s.withoutThreshold(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        if ("After GC".equals(e.getString("when"))) join.heapAfter(e.getInt("gcId"), e.getLong("heapUsed"), window);
    }
}
