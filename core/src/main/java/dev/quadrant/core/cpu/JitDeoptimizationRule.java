package dev.quadrant.core.cpu;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JitActivity;
import dev.quadrant.core.evidence.JvmSample;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JIT compiler is in trouble: the code cache filled up (the JVM stops compiling and new code runs interpreted,
 * 10-100x slower), compiled code is thrown away again and again, or compilations fail.
 */
public final class JitDeoptimizationRule implements Rule {
    static final int CODE_CACHE_FULL_SCORE = 90;      // compilation is off for good: always critical
    static final int FULL_LOOK_BACK_WINDOWS = 10;    // a full code cache is reported for this many windows after the event
    static final double WARN_CODE_CACHE = 0.90;       // the sweeper cannot keep a margin
    static final double CRITICAL_CODE_CACHE = 0.98;
    static final double DEOPT_SPAN_SECONDS = 60;      // judged over the last minute: warm-up comes in bursts of tens per second
    static final long MIN_DEOPTS = 100;               // within that minute
    static final double WARN_DEOPT_RATE = 10;
    static final double CRITICAL_DEOPT_RATE = 100;
    static final int FAILURE_SCORE = 10;              // failed compilations are a hint, seldom a problem by themselves
    static final long MIN_FAILURES = 5;               // one or two ("out of nodes") are routine in any JVM
    static final int LISTED = 5;

    static final RuleInfo INFO = new RuleInfo("JIT compiler trouble: deoptimization storm, full code cache",
            "The code cache is full (the JIT stops compiling, new hot code stays interpreted), compiled code is deoptimized again"
                    + " and again (a type profile that keeps changing, class loading that invalidates compiled code), or compilations fail.",
            "Code cache full: critical (and for the next 10 windows). Code cache use 90% warning, 98% critical. Deoptimizations sustained over the last minute 10/s warning, 100/s critical"
                    + " (needs 100). Five or more compilation failures: INFO.",
            "Raise -XX:ReservedCodeCacheSize; for a storm, read the method and reason: megamorphic or changing types at that call"
                    + " site, classes loaded continuously, or a JVM bug worth reporting.",
            "jcmd <pid> Compiler.codecache; jcmd <pid> Compiler.queue; -Xlog:deoptimization=debug (JDK 17+)");

    @Override public String id() { return "cpu.jit-deoptimization"; }
    @Override public Dimension dimension() { return Dimension.CPU; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        JitActivity jit = window.cpu().jit();
        long used = window.jvm().codeCacheUsedBytes(), max = window.jvm().codeCacheMaxBytes();
        double occupancy = used >= 0 && max > 0 ? (double) used / max : -1;
        Window.Trailing recent = window.trailing(DEOPT_SPAN_SECONDS);
        double deopts = recent.sum(JvmSample::deoptimizations);
        double rate = recent.span() >= DEOPT_SPAN_SECONDS ? deopts / recent.span() : 0;
        int windowsSinceFull = windowsSinceCodeCacheFull(window);
        // The JIT stays off after the cache filled (JDK 20+ never restarts it): the finding holds for a while after the event.
        int byFull = windowsSinceFull == 0 ? CODE_CACHE_FULL_SCORE : windowsSinceFull > 0 ? CODE_CACHE_FULL_SCORE - 10 : 0;
        int byOccupancy = Score.of(occupancy, WARN_CODE_CACHE, CRITICAL_CODE_CACHE);
        if (byOccupancy <= Score.INFO_CAP) byOccupancy = 0;  // a code cache that still has room is no finding
        int byDeopt = deopts >= MIN_DEOPTS ? Score.of(rate, WARN_DEOPT_RATE, CRITICAL_DEOPT_RATE) : 0;
        if (byDeopt <= Score.INFO_CAP) byDeopt = 0;  // a few per second is the JIT at work
        int byFailures = jit.compilationFailures() >= MIN_FAILURES ? FAILURE_SCORE : 0;
        int score = Math.max(Math.max(byFull, byOccupancy), Math.max(byDeopt, byFailures));
        if (score == 0) return Optional.empty();
        JitActivity.Deoptimization top = jit.topDeoptimizations().isEmpty() ? null : jit.topDeoptimizations().get(0);
        String title = byFull == score ? (windowsSinceFull == 0 ? "Code cache full: the JIT compiler has stopped compiling"
                : "Code cache filled up " + windowsSinceFull + " window(s) ago: the JIT compiler has likely stopped compiling")
                : byOccupancy == score ? "Code cache " + Units.percent(occupancy) + " full"
                : byDeopt == score ? Math.round(rate) + " deoptimizations/s" + (top == null ? "" : ", most in " + top.method() + " (" + top.reason() + ")")
                : jit.compilationFailures() + " failed compilations";
        return Optional.of(Finding.of(this, score)
                .title(title)
                .detail("Code cache " + (occupancy < 0 ? "use unknown" : Units.bytes(used) + " of " + Units.bytes(max) + " (" + Units.percent(occupancy)
                        + ", warning at " + Units.percent(WARN_CODE_CACHE) + ")") + ", full events " + jit.codeCacheFull() + "; deoptimizations "
                        + jit.deoptimizations() + " in this window, " + Math.round(deopts) + " in the last " + Math.round(recent.span()) + " s ("
                        + Units.decimal(rate) + "/s, warning at " + (int) WARN_DEOPT_RATE + "/s over " + (int) DEOPT_SPAN_SECONDS + " s); failed compilations "
                        + jit.compilationFailures() + ".")
                .evidence("codeCacheFullEvents", jit.codeCacheFull())
                .evidence("windowsSinceCodeCacheFull", windowsSinceFull >= 0 ? windowsSinceFull : null)
                .evidence("codeCacheUsedBytes", used >= 0 ? used : null)
                .evidence("codeCacheMaxBytes", max > 0 ? max : null)
                .evidence("deoptimizations", jit.deoptimizations())
                .evidence("deoptimizationsPerSecond", Units.round(rate, 2))
                .evidence("topDeoptimizations", jit.topDeoptimizations().stream().limit(LISTED).map(JitDeoptimizationRule::row).toList())
                .evidence("compilationFailures", jit.compilationFailures())
                .evidence("failureMessages", jit.failureMessages().isEmpty() ? null : jit.failureMessages())
                .recommendation(byFull == score || byOccupancy == score
                        ? "Raise -XX:ReservedCodeCacheSize (e.g. to 256m or twice its current size) and restart; check what generates so much code."
                        : byDeopt == score ? "Look at " + (top == null ? "the deoptimized methods" : top.method() + " (reason " + top.reason() + ")")
                        + ": a call site whose types keep changing, or classes loaded continuously that invalidate compiled code."
                        : "Usually harmless; if a hot method is among them, it runs interpreted: simplify it or split it.")
                .verify("jcmd " + window.pid() + " Compiler.codecache; start with -Xlog:deoptimization=debug to see each deoptimization")
                .build());
    }

    /** 0 if the code cache filled in this window, n if n windows ago (within the look-back), -1 if not recently. */
    static int windowsSinceCodeCacheFull(Window window) {
        if (window.cpu().jit().codeCacheFull() > 0) return 0;
        List<JvmSample> history = window.history();
        for (int back = 1; back <= Math.min(FULL_LOOK_BACK_WINDOWS, history.size()); back++) {
            if (history.get(history.size() - back).codeCacheFullEvents() > 0) return back;
        }
        return -1;
    }

    private static Map<String, Object> row(JitActivity.Deoptimization d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", d.method());
        m.put("reason", d.reason());
        m.put("action", d.action());
        m.put("count", d.count());
        return m;
    }
}
