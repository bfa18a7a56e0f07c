package dev.quadrant.collectors.jfr;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * JFR reports a collection in two events with the same gcId: jdk.GarbageCollection (collector, cause, pauses) and
 * jdk.GCHeapSummary after it (heap used). Joins them into one collection; a half that finds no partner within
 * {@link #MAX_PENDING} later collections is passed on as it is, so nothing waits forever.
 */
final class GcJoin {
    static final int MAX_PENDING = 8;

    private final Map<Integer, Pending> pending = new TreeMap<>();

    private static final class Pending {
        String collector, cause;
        Duration pauses, longest;
        Instant started;
        long heapAfter = -1;
        boolean summarised;
    }

    synchronized void collection(int gcId, String collector, String cause, Duration pauses, Duration longest, WindowBuilder window) {
        collection(gcId, collector, cause, pauses, longest, null, window);
    }

    synchronized void collection(int gcId, String collector, String cause, Duration pauses, Duration longest, Instant started,
                                 WindowBuilder window) {
        Pending p = pending.computeIfAbsent(gcId, k -> new Pending());
        p.started = started;
        p.collector = collector;
        p.cause = cause;
        p.pauses = pauses;
        p.longest = longest;
        complete(gcId, p, window);
    }

    synchronized void heapAfter(int gcId, long heapUsed, WindowBuilder window) {
        Pending p = pending.computeIfAbsent(gcId, k -> new Pending());
        p.heapAfter = heapUsed;
        p.summarised = true;
        complete(gcId, p, window);
    }

    private void complete(int gcId, Pending p, WindowBuilder window) {
        if (p.collector != null && p.summarised) {
            pending.remove(gcId);
            window.memory().gc(p.collector, p.cause, p.pauses, p.longest, p.heapAfter, p.started);
        }
        Iterator<Map.Entry<Integer, Pending>> it = pending.entrySet().iterator();
        while (pending.size() > MAX_PENDING && it.hasNext()) {
            Pending old = it.next().getValue();
            it.remove();
            if (old.collector != null) window.memory().gc(old.collector, old.cause, old.pauses, old.longest, -1, old.started);
        }
    }
}
