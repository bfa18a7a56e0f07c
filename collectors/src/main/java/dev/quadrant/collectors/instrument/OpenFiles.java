package dev.quadrant.collectors.instrument;

import dev.quadrant.core.Frames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which code opens the file streams that stay open. One open in {@link #SAMPLE_EVERY} is remembered with its stack
 * until the stream is closed; held weakly, so a stream dropped without close() (its descriptor freed by the JVM's
 * cleaner when collected) is forgotten too. What remains are streams still reachable and still open: a leak's
 * signature when their number keeps growing.
 */
final class OpenFiles {
    static final int SAMPLE_EVERY = 8;          // a stack walk per 8 opens: an open costs a system call already
    static final int MAX_TRACKED = 50_000;      // sampled open streams remembered at once
    static final int DEPTH = 16;
    static final int TOP_SITES = 10;

    private final Map<Object, List<String>> open = new WeakHashMap<>();  // streams do not override equals: identity
    private long dropped;

    void opened(Object stream) {
        if (ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) == 0) remember(stream);
    }

    void remember(Object stream) {
        List<String> stack = CallerStacks.capture(DEPTH);
        synchronized (this) {
            if (open.size() >= MAX_TRACKED) { dropped++; return; }
            open.put(stream, stack);
        }
    }

    void closed(Object stream) {
        synchronized (this) {
            if (!open.isEmpty()) open.remove(stream);
        }
    }

    /** The sampled streams still open, by the site that opened them, most first; counts scaled to all opens. */
    synchronized List<Site> stillOpen() {
        Map<String, Site> bySite = new HashMap<>();
        for (List<String> stack : open.values()) {
            String site = Frames.firstApplicationFrame(stack);
            Site s = bySite.get(site);
            bySite.put(site, s == null ? new Site(site, SAMPLE_EVERY, stack) : new Site(site, s.open() + SAMPLE_EVERY, s.stack()));
        }
        List<Site> out = new ArrayList<>(bySite.values());
        out.sort(Comparator.comparingLong(Site::open).reversed());
        return out.size() > TOP_SITES ? List.copyOf(out.subList(0, TOP_SITES)) : out;
    }

    synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }

    record Site(String site, long open, List<String> stack) {}
}
