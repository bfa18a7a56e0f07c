package dev.quadrant.agent;

import dev.quadrant.core.AgentStats;
import java.time.Duration;
import java.util.List;

/**
 * Decides when Quadrant sheds its optional work so that the host, not the agent, gets what is left: when the heap
 * is nearly full even right after a collection (the agent's allocations would bring OutOfMemoryError closer, and could
 * be the ones that throw it), or when the process is starved of CPU (the agent's own timer fires late: runnable
 * threads wait for a processor). It resumes once neither has been seen for {@link #CALM_FOR}.
 */
final class SelfProtection {
    // G1 keeps 10% of the heap in reserve (G1ReservePercent): with -Xmx32m it threw OutOfMemoryError at 91-93% after GC
    static final double HEAP_FULL_AFTER_GC = 0.90;
    /** Starved: over the last {@link #CHECKS} checks, the timer spent at least this share of the time waiting past its due time. */
    static final double STARVED_SHARE = 0.5;
    static final int CHECKS = 10;
    static final Duration CALM_FOR = Duration.ofSeconds(10);
    /** Shed while starved of CPU: the work that costs CPU and is not needed to say what is wrong. */
    static final List<String> SHED_STARVED = List.of("leak-candidate recordings", "thread-dump stacks", "HTML page", "flame-graph profiles");
    /** Shed while the heap is nearly full: everything that allocates, until it has room again. */
    static final List<String> SHED_MEMORY = List.of("reports (held until the heap has room)", "JFR streaming", "class-load hooks",
            "timeline points", "thread dumps", "leak-candidate recordings", "HTML page", "flame-graph profiles");

    private final long[] late = new long[CHECKS];
    private final long[] elapsed = new long[CHECKS];
    private int checks;
    private long lastNanos;
    private boolean shedding;
    private boolean memoryTight;
    private boolean shedInWindow;
    private boolean memoryInWindow;
    private String reason;
    private long calmSinceNanos;

    /** One check: the heap's occupancy after the latest GC (-1 unknown), how late the agent's timer fired. */
    synchronized void observe(double heapAfterGc, long latenessNanos, long nowNanos) {
        if (lastNanos != 0) {
            late[checks % CHECKS] = latenessNanos;
            elapsed[checks % CHECKS] = nowNanos - lastNanos;
            checks++;
        }
        lastNanos = nowNanos;
        boolean full = heapAfterGc >= HEAP_FULL_AFTER_GC;
        double starved = starvedShare();
        String trouble = null;
        if (full) trouble = String.format("heap %.0f%% full after GC", heapAfterGc * 100);
        else if (starved >= STARVED_SHARE) trouble = String.format("process starved of CPU: the agent's timer ran %.0f%% of the time late", starved * 100);
        if (trouble != null) {
            if (full || !memoryTight) reason = trouble;  // a nearly full heap is the worse trouble: its reason stays until calm
            shedding = true;
            memoryTight |= full;
            shedInWindow = true;
            memoryInWindow |= full;
            calmSinceNanos = nowNanos;
        } else if (shedding && nowNanos - calmSinceNanos >= CALM_FOR.toNanos()) {
            shedding = false;
            memoryTight = false;
        }
    }

    /** Of the time the last checks covered, the share spent past their due time; 0 until there are {@value #CHECKS}. */
    private double starvedShare() {
        if (checks < CHECKS) return 0;
        long l = 0, e = 0;
        for (int i = 0; i < CHECKS; i++) {
            l += late[i];
            e += elapsed[i];
        }
        return e <= 0 ? 0 : (double) l / e;
    }

    synchronized boolean shedding() { return shedding; }

    /** The heap was nearly full after GC within {@link #CALM_FOR}: the agent allocates nothing it can do without. */
    synchronized boolean memoryTight() { return memoryTight; }

    synchronized String reason() { return reason; }

    /** Whether anything was shed since the last call, and why; starts the next window. */
    synchronized AgentStats.Shedding takeWindow() {
        if (!shedInWindow && !shedding) return AgentStats.Shedding.NONE;
        AgentStats.Shedding s = new AgentStats.Shedding(shedding, reason, memoryInWindow || memoryTight ? SHED_MEMORY : SHED_STARVED);
        shedInWindow = false;
        memoryInWindow = false;
        return s;
    }
}
