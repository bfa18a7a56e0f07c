package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;

/** Every collection with its stop-the-world time (not its duration: concurrent collectors run beside the application). */
public final class GarbageCollectionHandler implements JfrHandler {
    private final GcJoin join;

    GarbageCollectionHandler(GcJoin join) { this.join = join; }

    @Override public String event() { return "jdk.GarbageCollection"; }

    // A few events per second at most, and no stack: always on.
    @Override public void configure(EventSettings s) { s.withoutThreshold(); }

    @Override public void accept(RecordedEvent e, WindowBuilder window) {
        join.collection(e.getInt("gcId"), e.getString("name"), e.getString("cause"), e.getDuration("sumOfPauses"), e.getDuration("longestPause"), e.getStartTime(), window);
    }
}
