package dev.quadrant.core.threads;

import dev.quadrant.core.Units;
import dev.quadrant.core.evidence.TaskLatencies;
import dev.quadrant.core.evidence.ThreadPool;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the pool rules show a pool. */
final class Pools {
    static final String AGENT_PREFIX = "quadrant-";

    private Pools() {}

    /** JDBC connection pools read as pools of connections (HikariCP). */
    static final java.util.Set<String> CONNECTION_POOLS = java.util.Set.of("com.zaxxer.hikari.pool.HikariPool");

    static boolean isConnectionPool(ThreadPool p) { return CONNECTION_POOLS.contains(p.kind()); }

    /** The agent's own executors are not the application's business. */
    static boolean isApplication(ThreadPool p) { return p.name() == null || !p.name().startsWith(AGENT_PREFIX); }

    /** The pool's name with where it was created: two pools of one thread factory share a name pattern. */
    static String label(ThreadPool p) {
        return "\"" + p.name() + "\"" + (p.origin().site() == null ? "" : " (created at " + dev.quadrant.core.Frames.method(p.origin().site()) + ")");
    }

    static String sizes(ThreadPool p) {
        String busy = p.sizes().active() < 0 ? "busy threads not counted by this pool" : p.sizes().active() + " of " + p.sizes().max() + " threads busy";
        return busy + " (core " + p.sizes().core() + ", max " + p.sizes().max() + ", current " + p.sizes().current() + ")";
    }

    static Map<String, Object> evidence(ThreadPool p, double windowSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", p.name());
        m.put("type", p.kind());
        m.put("createdAt", p.origin().site());
        m.put("coreSize", p.sizes().core());
        m.put("maxSize", p.sizes().max());
        m.put("poolSize", p.sizes().current());
        m.put("active", p.sizes().active());
        m.put("largestPoolSize", p.sizes().largest());
        m.put("queued", p.queue().queued());
        m.put("queuedAtPreviousWindow", p.queue().before() < 0 ? null : p.queue().before());
        m.put("queueCapacity", p.queue().capacity() < 0 ? "unbounded" : p.queue().capacity());
        m.put("submittedPerSecond", Units.round(p.throughput().submitted() / windowSeconds, 1));
        m.put("completedPerSecond", Units.round(p.throughput().completed() / windowSeconds, 1));
        m.put("rejected", p.throughput().rejected());
        m.put("rejectionPolicy", p.throughput().rejectionPolicy());
        m.put("sampledQueueWaits", p.waits().sampled());
        m.put("meanQueueWaitMs", p.waits().mean().toMillis());
        if (p.waits().estimated()) m.put("queueWaitEstimated", "from queue length and throughput: the tasks are one shared object");
        m.put("longestQueueWaitMs", p.waits().longest().toMillis());
        m.put("oldestWaitingTaskMs", p.oldestPending().toMillis());
        m.put("queueWaits", TaskLatencies.labelled(p.waits().buckets()));
        m.put("meanRunMs", Units.round(p.runs().mean().toNanos() / 1e6, 2));
        m.put("longestRunMs", p.runs().longest().toMillis());
        m.put("runTimes", TaskLatencies.labelled(p.runs().buckets()));
        return m;
    }
}
