package dev.quadrant.collectors;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts failures inside the agent and logs each kind once, so a broken piece neither floods the log nor stops the rest. */
public final class Faults {
    static final int MAX_KINDS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final AtomicLong count = new AtomicLong();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public void record(String where, Throwable t) {
        count.incrementAndGet();
        String kind = where + ":" + t.getClass().getName();
        if (logged.size() < MAX_KINDS && logged.add(kind)) {
            LOG.warn("{} failed; it is skipped and counted, further failures of this kind are not logged", where, t);
        }
    }

    public long count() { return count.get(); }
}
