package dev.quadrant.agent;

import dev.quadrant.core.AgentStats;
import java.time.Duration;
import java.util.List;

/**
 * Decides when Quadrant sheds its own work so that the host, not the agent, gets what is left. Two levels:
 * <ul>
 *   <li><b>trouble</b>: the heap is 90% full even right after a collection, or the process is starved of CPU (the
 *   agent's own timer runs late half the time). The optional work goes: flame graphs, timelines, full HTML pages,
 *   thread dumps, leak-candidate recordings. Lean reports go on: a nearly full heap is what they must report.</li>
 *   <li><b>running out</b>: the heap 95% full after a full collection, or over 90% and rising collection after
 *   collection (a young collection leaves the old generation's garbage, a concurrent cycle counts what was
 *   allocated during it: their level alone says little). Then any allocation may be the one that throws
 *   OutOfMemoryError (or, with -XX:+ExitOnOutOfMemoryError, ends the JVM): the agent allocates nothing it can do
 *   without until the heap has room,
 *   pausing its JFR stream and its class-load hook and holding its reports, for {@link #LONGEST_HOLD} (or one
 *   interval) at most: a heap that stays this full is the finding, and the lean report that says so must come.</li>
 * </ul>
 * Each ends once it has not been seen for {@link #CALM_FOR}: a heap that stopped rising but stays nearly full goes
 * back from running out to trouble.
 */
final class SelfProtection {
    // G1 keeps 10% of the heap in reserve (G1ReservePercent): with -Xmx32m it threw OutOfMemoryError at 91-93% after GC
    static final double HEAP_FULL_AFTER_GC = 0.90;
    static final double HEAP_EXHAUSTED_AFTER_GC = 0.95;
    static final double RISING_STEP = 0.0025;  // of the heap, after each of the last collections: a cache filling, not noise
    static final int RISING_COLLECTIONS = 3;
    /** Starved: over the last {@link #CHECKS} checks, the timer spent at least this share of the time waiting past its due time. */
    static final double STARVED_SHARE = 0.5;
    static final int CHECKS = 10;
    static final Duration CALM_FOR = Duration.ofSeconds(10);
    /** Longest a report is held while the heap runs out: a heap that stays 95% full after full collections never calms. */
    static final Duration LONGEST_HOLD = Duration.ofSeconds(30);
    /** Shed in trouble: the work that costs CPU and memory and is not needed to say what is wrong. */
    static final List<String> SHED_IN_TROUBLE = List.of("leak-candidate recordings", "thread-dump stacks", "HTML page", "flame-graph profiles",
            "timeline points");
    /** Shed while the heap runs out: everything that allocates, until it has room again. */
    static final List<String> SHED_RUNNING_OUT = List.of("reports (held while the heap runs out, 30 s at most)", "JFR streaming", "class-load hooks",
            "timeline points", "thread dumps", "leak-candidate recordings", "HTML page", "flame-graph profiles");

    private final long[] late = new long[CHECKS];
    private final long[] elapsed = new long[CHECKS];
    private final double[] afterGc = new double[RISING_COLLECTIONS + 1];  // the last distinct readings, newest last
    private int checks;
    private long lastNanos;
    private boolean shedding;
    private boolean runningOut;
    private boolean shedInWindow;
    private boolean runningOutInWindow;
    private String reason;
    private long calmSinceNanos;
    private long lastRunningOutNanos;
    private long heldSinceNanos = -1;

    SelfProtection() { java.util.Arrays.fill(afterGc, -1); }

    /** One check: the heap's occupancy after the latest GC (-1 unknown) and whether it was a full one, how late the agent's timer fired. */
    synchronized void observe(double heapAfterGc, boolean afterFullGc, long latenessNanos, long nowNanos) {
        if (lastNanos != 0) {
            late[checks % CHECKS] = latenessNanos;
            elapsed[checks % CHECKS] = nowNanos - lastNanos;
            checks++;
        }
        lastNanos = nowNanos;
        if (heapAfterGc != afterGc[RISING_COLLECTIONS]) {
            System.arraycopy(afterGc, 1, afterGc, 0, RISING_COLLECTIONS);
            afterGc[RISING_COLLECTIONS] = heapAfterGc;
        }
        boolean full = heapAfterGc >= HEAP_FULL_AFTER_GC;
        boolean exhausting = afterFullGc && heapAfterGc >= HEAP_EXHAUSTED_AFTER_GC || full && rising();
        double starved = starvedShare();
        String trouble = null;
        if (full) trouble = String.format("heap %.0f%% full after GC%s", heapAfterGc * 100, exhausting ? " and running out" : "");
        else if (starved >= STARVED_SHARE) trouble = String.format("process starved of CPU: the agent's timer ran %.0f%% of the time late", starved * 100);
        if (exhausting) {
            runningOut = true;
            runningOutInWindow = true;
            lastRunningOutNanos = nowNanos;
        } else if (runningOut && nowNanos - lastRunningOutNanos >= CALM_FOR.toNanos()) {
            runningOut = false;  // a heap that stopped rising and stays nearly full is trouble, not running out
        }
        if (trouble != null) {
            if (full || !runningOut) reason = trouble;  // a heap running out is the worse trouble: its reason stays
            shedding = true;
            calmSinceNanos = nowNanos;
        } else if (shedding && nowNanos - calmSinceNanos >= CALM_FOR.toNanos()) {
            shedding = false;
            runningOut = false;
        }
        shedInWindow |= shedding;  // a window in which shedding ends still had it
    }

    /** The heap grew after each of the last collections, by more than noise. */
    private boolean rising() {
        for (int i = 1; i <= RISING_COLLECTIONS; i++) {
            if (afterGc[i - 1] < 0 || afterGc[i] - afterGc[i - 1] < RISING_STEP) return false;
        }
        return true;
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

    /** The heap ran out, or was on its way, within {@link #CALM_FOR}: the agent allocates nothing it can do without. */
    synchronized boolean runningOut() { return runningOut; }

    synchronized String reason() { return reason; }

    /** Whether the report due now is held back: the heap is running out and no report has been held for longestHold yet. */
    synchronized boolean holdsReport(long nowNanos, long longestHoldNanos) {
        if (!runningOut) return false;
        if (heldSinceNanos < 0) heldSinceNanos = nowNanos;
        return nowNanos - heldSinceNanos < longestHoldNanos;
    }

    /** Whether a report was held back before the one now written (which covers that time too); starts a new hold. */
    synchronized boolean releaseHeld() {
        boolean held = heldSinceNanos >= 0;
        heldSinceNanos = -1;
        return held;
    }

    /** Whether anything was shed since the last call, and why; starts the next window. */
    synchronized AgentStats.Shedding takeWindow() {
        if (!shedInWindow && !shedding) return AgentStats.Shedding.NONE;
        AgentStats.Shedding s = new AgentStats.Shedding(shedding, reason, runningOutInWindow || runningOut ? SHED_RUNNING_OUT : SHED_IN_TROUBLE);
        shedInWindow = false;
        runningOutInWindow = false;
        return s;
    }
}
