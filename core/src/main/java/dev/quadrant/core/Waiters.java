package dev.quadrant.core;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct threads that waited for one lock, counted by thread id (a thread factory that names every thread alike
 * is common: four workers named "worker" are four waiters), and the first few distinct names to show. Not thread-safe:
 * its owner's lock guards it.
 */
public final class Waiters {
    private final Set<Long> ids = new HashSet<>();
    private final Set<String> names = new LinkedHashSet<>();

    public void add(long threadId, String name) {
        if (ids.size() < ThreadsEvidenceBuilder.MAX_COUNTED_THREADS) ids.add(threadId);
        if (names.size() < ThreadsEvidenceBuilder.MAX_THREAD_NAMES) names.add(name);
    }

    public int count() { return ids.size(); }

    public List<String> names() { return List.copyOf(names); }
}
