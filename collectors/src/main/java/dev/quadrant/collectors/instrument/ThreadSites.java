package dev.quadrant.collectors.instrument;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Where each live platform thread was started: one stack capture per Thread.start, interned. */
final class ThreadSites {
    static final int MAX_THREADS = 65_536;  // threads remembered at once; more are counted, not placed
    static final int DEPTH = 16;  // the code that starts a thread is a few frames above Thread.start

    private final Map<Long, List<String>> byThread = new ConcurrentHashMap<>();
    private final AtomicLong untracked = new AtomicLong();

    void started(Thread thread) {
        if (byThread.size() >= MAX_THREADS) { untracked.incrementAndGet(); return; }
        byThread.put(thread.getId(), CallerStacks.capture(DEPTH));
    }

    /** The creation stack of a thread, or null if it was started before Quadrant or not tracked. */
    List<String> siteOf(long threadId) { return byThread.get(threadId); }

    /** Forgets threads that have ended. */
    void retainLive(Set<Long> liveIds) { byThread.keySet().retainAll(liveIds); }

    long untracked() { return untracked.get(); }
}
