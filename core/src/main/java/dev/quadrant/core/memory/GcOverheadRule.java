package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.GcActivity;
import dev.quadrant.core.evidence.JvmSample;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The collector takes too large a share of the time: pauses add up, old collections run back to back, or a
 * concurrent collector (ZGC, Shenandoah) never rests and soon stalls allocating threads.
 */
public final class GcOverheadRule implements Rule {
    static final double WARN_PAUSE_SHARE = 0.08;      // 8% of wall time stopped: throughput and latency both suffer
    static final double CRITICAL_PAUSE_SHARE = 0.20;  // a fifth of the time stopped: the service is mostly collecting
    static final double PAUSE_SPAN_SECONDS = 10;      // the share is taken over at least the last 10 s: one busy second is no pattern
    static final double WARN_CYCLE_SHARE = 0.80;      // a concurrent collector busy 80% of the time has no reserve left
    static final double CRITICAL_CYCLE_SHARE = 0.98;  // always collecting: allocation stalls follow
    static final double WARN_FULL_PER_MINUTE = 10;     // a full collection every 6 s, sustained
    static final double CRITICAL_FULL_PER_MINUTE = 30; // one every 2 s: back to back
    static final long MIN_FULL_COLLECTIONS = 3;
    static final double FULL_RATE_SPAN_SECONDS = 30;   // judged over the last 30 s: start-up's few full collections are no rate
    static final int MIN_REPORTED_SCORE = 12;          // under half a warning there is nothing to tell

    static final RuleInfo INFO = new RuleInfo("Too much time in garbage collection",
            "The collector takes a large share of the time: stop-the-world pauses add up, old-generation collections run back to"
                    + " back (the heap is too small for the live set), or a concurrent collector runs without rest.",
            "Pause share over at least the last 10 s 8% warning, 20% critical; stop-the-world full collections over the"
                    + " last 30 s 10/min warning, 30/min critical (needs 3); concurrent collector busy 80% warning, 98% critical.",
            "More heap if the live set is close to the maximum (memory.heap-exhaustion); otherwise less allocation"
                    + " (memory.allocation-pressure), or a collector suited to the heap.",
            "jstat -gcutil <pid> 1000 10 (GCT column rising fast, FGC counting up)");

    @Override public String id() { return "memory.gc-overhead"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        GcActivity gc = window.memory().gc();
        double seconds = window.seconds();
        boolean concurrent = gc.collectors().stream().anyMatch(c -> c.startsWith("Z") || c.equals("Shenandoah"));
        // Pauses come from JFR, or for a window JFR did not record from the collectors' pause beans only: the other beans'
        // time mixes in concurrent work (ZGC and Shenandoah cycles), so it cannot stand in for pause time.
        Window.Trailing recentPauses = window.trailing(PAUSE_SPAN_SECONDS);
        long pauseNanos = (long) (recentPauses.sum(JvmSample::gcPauseMicros) * 1000);
        double pausedSpan = recentPauses.knownSpan(JvmSample::gcPauseMicros);  // windows with a pause figure
        double pauseShare = pausedSpan <= 0 ? 0 : pauseNanos / (pausedSpan * 1e9);
        int byPauses = Score.of(pauseShare, WARN_PAUSE_SHARE, CRITICAL_PAUSE_SHARE);
        if (recentPauses.span() < PAUSE_SPAN_SECONDS || pausedSpan < PAUSE_SPAN_SECONDS / 2) byPauses = Math.min(byPauses, Score.INFO_CAP);
        Window.Trailing recentFull = window.trailing(FULL_RATE_SPAN_SECONDS);
        double fullCount = recentFull.sum(JvmSample::fullCollections);
        double fullPerMinute = recentFull.span() >= FULL_RATE_SPAN_SECONDS ? fullCount * 60 / recentFull.span() : 0;
        int byOld = fullCount >= MIN_FULL_COLLECTIONS ? Score.of(fullPerMinute, WARN_FULL_PER_MINUTE, CRITICAL_FULL_PER_MINUTE) : 0;
        double cycleShare = concurrent && window.jvm().gcTimeMillis() >= 0 ? window.jvm().gcTimeMillis() / (seconds * 1000) : 0;
        int byCycles = Score.of(Math.min(cycleShare, 1.0), WARN_CYCLE_SHARE, CRITICAL_CYCLE_SHARE);
        int score = Math.max(byPauses, Math.max(byOld, byCycles));
        if (score < MIN_REPORTED_SCORE) return Optional.empty();
        String what = byCycles >= byPauses && byCycles >= byOld ? "the concurrent collector ran " + Units.percent(cycleShare) + " of the time"
                : byOld > byPauses ? Math.round(fullPerMinute) + " full collections per minute"
                : "GC pauses took " + Units.percent(pauseShare) + " of the time";
        return Optional.of(Finding.of(this, score)
                .title("Garbage collection overhead: " + what)
                .detail("Pauses " + Units.human(Duration.ofNanos(pauseNanos)) + " in the last " + Units.decimal(pausedSpan) + " s measured = " + Units.percent(pauseShare)
                        + " (warning at " + Units.percent(WARN_PAUSE_SHARE) + ", critical at " + Units.percent(CRITICAL_PAUSE_SHARE)
                        + "); full collections " + Math.round(fullCount) + " in the last " + Math.round(recentFull.span()) + " s (" + Units.decimal(fullPerMinute)
                        + "/min, warning at " + (int) WARN_FULL_PER_MINUTE + "/min)" + (concurrent ? "; concurrent collector busy " + Units.percent(cycleShare)
                        + " (warning at " + Units.percent(WARN_CYCLE_SHARE) + ")" : "") + ".")
                .evidence("pauseShare", Units.round(pauseShare, 4))
                .evidence("pauseTotalMs", Units.round(pauseNanos / 1e6, 1))
                .evidence("pauseSpanSeconds", Units.round(pausedSpan, 1))
                .evidence("collections", gc.collections())
                .evidence("oldCollections", gc.oldCollections())
                .evidence("fullCollectionsPerMinute", Units.round(fullPerMinute, 1))
                .evidence("concurrentCycleShare", concurrent ? Units.round(cycleShare, 3) : null)
                .evidence("collectors", gc.collectors())
                .evidence("heapAfterGcBytes", window.jvm().heapAfterGcBytes() >= 0 ? window.jvm().heapAfterGcBytes() : null)
                .evidence("heapMaxBytes", window.jvm().heapMaxBytes() > 0 ? window.jvm().heapMaxBytes() : null)
                .recommendation(byOld > byPauses || occupancy(window) > 0.7
                        ? "The heap is too small for what stays alive: raise -Xmx, or reduce the live set (see memory.heap-leak and memory.heap-exhaustion)."
                        : "The collector works for the allocation rate: allocate less at the top sites (memory.allocation-pressure) or give the young generation more room.")
                .verify("jstat -gcutil " + window.pid() + " 1000 10 (GCT rising by more than " + Math.round(WARN_PAUSE_SHARE * 1000)
                        + " ms per second, FGC counting up)")
                .build());
    }

    private static double occupancy(Window w) {
        long after = w.jvm().heapAfterGcBytes(), max = w.jvm().heapMaxBytes();
        return after < 0 || max <= 0 ? 0 : (double) after / max;
    }
}
