package dev.quadrant.collectors.instrument;

import dev.quadrant.core.IoEvidenceBuilder;
import dev.quadrant.core.Slowest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Host name look-ups through InetAddress, per host name, for one window. A look-up answered from the JDK's cache takes
 * microseconds; one that goes to the resolver takes milliseconds, and seconds when a name server does not answer.
 */
final class Lookups {
    static final long RESOLVED_NANOS = 1_000_000;    // slower than this went to the resolver, not the cache
    static final long STACK_NANOS = 20_000_000;      // the slowest look-up's stack is kept when it took this long
    static final int MAX_HOSTS = IoEvidenceBuilder.MAX_HOSTS;
    static final int DEPTH = 24;

    private final Map<String, Acc> hosts = new HashMap<>();
    private long dropped;

    private static final class Acc {
        long lookups, resolved, resolvedNanos, failures;
        String failure;
        final Slowest slowest = new Slowest();
    }

    record Snapshot(String host, long lookups, long resolved, long resolvedNanos, long longestNanos, long failures, String failure,
                    String slowestThread, List<String> stack) {}

    void ended(String host, long nanos, Throwable failure) {
        String name = host == null ? "(null)" : host;
        boolean slowest;
        synchronized (this) {
            Acc a = hosts.get(name);
            if (a == null) {
                if (hosts.size() >= MAX_HOSTS) { dropped++; return; }
                hosts.put(name, a = new Acc());
            }
            a.lookups++;
            if (failure != null) {
                a.failures++;
                if (a.failure == null) a.failure = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            }
            if (nanos >= RESOLVED_NANOS) { a.resolved++; a.resolvedNanos += nanos; }
            slowest = a.slowest.offer(nanos, Thread.currentThread().getName(), List.of());
        }
        if (!slowest || nanos < STACK_NANOS) return;
        List<String> stack = CallerStacks.capture(DEPTH);
        synchronized (this) {
            Acc a = hosts.get(name);
            if (a != null) a.slowest.stackOf(nanos, stack);
        }
    }

    synchronized List<Snapshot> drain() {
        List<Snapshot> out = new ArrayList<>(hosts.size());
        hosts.forEach((h, a) -> out.add(new Snapshot(h, a.lookups, a.resolved, a.resolvedNanos, a.slowest.nanos(), a.failures, a.failure,
                a.slowest.thread(), a.slowest.stack())));
        hosts.clear();
        return out;
    }

    synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }
}
