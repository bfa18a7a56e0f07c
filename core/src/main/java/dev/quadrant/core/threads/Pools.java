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

    /** The agent's own executors are not the application's business. */
    static boolean isApplication(ThreadPool p) { return p.name() == null || !p.name().startsWith(AGENT_PREFIX); }

    /** The pool's name with where it was created: two pools of one thread factory share a name pattern. */
    static String label(ThreadPool p) {
        return "\"" + p.name() + "\"" + (p.creationSite() == null ? "" : " (created at " + dev.quadrant.core.Frames.method(p.creationSite()) + ")");
    }

    static String sizes(ThreadPool p) {
        return p.active() + " of " + p.maxSize() + " threads busy (core " + p.coreSize() + ", current " + p.poolSize() + ")";
    }

    static Map<String, Object> evidence(ThreadPool p, double windowSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", p.name());
        m.put("type", p.kind());
        m.put("createdAt", p.creationSite());
        m.put("coreSize", p.coreSize());
        m.put("maxSize", p.maxSize());
        m.put("poolSize", p.poolSize());
        m.put("active", p.active());
        m.put("largestPoolSize", p.largest());
        m.put("queued", p.queued());
        m.put("queuedAtPreviousWindow", p.queuedBefore() < 0 ? null : p.queuedBefore());
        m.put("queueCapacity", p.queueCapacity() < 0 ? "unbounded" : p.queueCapacity());
        m.put("submittedPerSecond", Units.round(p.submitted() / windowSeconds, 1));
        m.put("completedPerSecond", Units.round(p.completed() / windowSeconds, 1));
        m.put("rejected", p.rejected());
        m.put("rejectionPolicy", p.rejectionPolicy());
        m.put("sampledQueueWaits", p.sampledWaits());
        m.put("meanQueueWaitMs", p.meanWait().toMillis());
        m.put("longestQueueWaitMs", p.longestWait().toMillis());
        m.put("oldestWaitingTaskMs", p.oldestPending().toMillis());
        m.put("queueWaits", TaskLatencies.labelled(p.waitBuckets()));
        m.put("meanRunMs", Units.round(p.meanRun().toNanos() / 1e6, 2));
        m.put("longestRunMs", p.longestRun().toMillis());
        m.put("runTimes", TaskLatencies.labelled(p.runBuckets()));
        return m;
    }
}
