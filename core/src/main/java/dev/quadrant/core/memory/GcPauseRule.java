package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.GcActivity;
import java.time.Duration;
import java.util.Optional;

/** A stop-the-world pause long enough that every request in flight waits for it. */
public final class GcPauseRule implements Rule {
    static final Duration MIN_REPORTED = Duration.ofMillis(50);  // shorter pauses are the normal cost of a collector
    static final Duration WARN_PAUSE = Duration.ofMillis(200);   // a request's whole latency budget in many services
    static final Duration CRITICAL_PAUSE = Duration.ofSeconds(1);  // health checks and client timeouts start failing

    static final RuleInfo INFO = new RuleInfo("Long stop-the-world GC pause",
            "A garbage collection stopped every application thread for long: requests in flight stall, timeouts fire, health"
                    + " checks fail. Names the collector and the cause (System.gc(), allocation failure, metadata threshold...).",
            "Longest pause 200 ms warning, 1 s critical (reported from 50 ms).",
            "By cause: remove explicit System.gc() (-XX:+DisableExplicitGC); full collections of Serial or Parallel on a large"
                    + " heap: G1 or ZGC; G1 full collections: more heap or an earlier start of marking (-XX:InitiatingHeapOccupancyPercent).",
            "jcmd <pid> VM.log output=gc.log what=gc (or -Xlog:gc*), then read the pause lines");

    @Override public String id() { return "memory.gc-pause"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        GcActivity gc = window.memory().gc();
        Duration longest = gc.longestPause();
        if (longest.compareTo(MIN_REPORTED) < 0) return Optional.empty();
        int score = Score.of(longest, WARN_PAUSE, CRITICAL_PAUSE);
        return Optional.of(Finding.of(this, score)
                .title(gc.longestCollector() + " paused the application for " + Units.human(longest)
                        + (gc.longestCause().isEmpty() ? "" : " (" + gc.longestCause() + ")"))
                .detail("Longest stop-the-world pause " + Units.human(longest) + " (warning at " + Units.human(WARN_PAUSE) + ", critical at "
                        + Units.human(CRITICAL_PAUSE) + "); " + gc.collections() + " collections paused " + Units.human(gc.totalPause())
                        + " in total in this window.")
                .evidence("longestPauseMs", Units.round(longest.toNanos() / 1e6, 1))
                .evidence("collector", gc.longestCollector())
                .evidence("cause", gc.longestCause())
                .evidence("collections", gc.collections())
                .evidence("oldCollections", gc.oldCollections())
                .evidence("totalPauseMs", Units.round(gc.totalPause().toNanos() / 1e6, 1))
                .evidence("collectors", gc.collectors())
                .recommendation(advice(gc))
                .verify("jcmd " + window.pid() + " VM.log output=/tmp/gc.log what=gc*=info (or start with -Xlog:gc*:file=gc.log) and read the pause lines")
                .build());
    }

    static String advice(GcActivity gc) {
        String cause = gc.longestCause(), collector = gc.longestCollector();
        if (cause.contains("System.gc")) return "Something calls System.gc(): find the caller (a library, RMI's distributed GC) or add -XX:+DisableExplicitGC.";
        if (cause.contains("Metadata")) return "Metaspace filled up: raise -XX:MetaspaceSize, and check memory.metaspace-leak for a class loader leak.";
        if (collector.equals("SerialOld") || collector.equals("ParallelOld") || collector.equals("DefNew") || collector.equals("ParallelScavenge")) {
            return "Serial and Parallel stop the world for the whole heap: use G1 (-XX:+UseG1GC) or, for large heaps and tight latency, ZGC (-XX:+UseZGC).";
        }
        if (collector.equals("G1Full")) return "G1 fell back to a full collection: give it more heap, or start marking earlier (-XX:InitiatingHeapOccupancyPercent), and check memory.heap-exhaustion.";
        return "Reduce what the pause has to process: a smaller young generation for shorter young pauses (-XX:MaxGCPauseMillis), less allocation, or ZGC for pauses under a millisecond.";
    }
}
