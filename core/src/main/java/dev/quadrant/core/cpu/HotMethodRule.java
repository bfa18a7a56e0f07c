package dev.quadrant.core.cpu;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.CpuProfile;
import dev.quadrant.core.evidence.MethodShare;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One method carries a dominant share of the CPU samples while the process is really burning CPU. */
public final class HotMethodRule implements Rule {
    static final long MIN_PROFILED_CPU_MS = 1000;    // under one core-second of profiled CPU the shares are noise
    // A dump weighs a busy thread's stack by a second of CPU. Where JFR recorded the whole window and still saw little
    // (its sampler cannot walk some compiled loops on JDK 17), two dumps with the method on top stand in (one dump in
    // two is a coin toss); in a window JFR did not cover (it is still starting, and so are the JIT and the class
    // loading) a few dumps are whatever the threads ran then.
    static final long MIN_DUMP_SAMPLES = 2;
    static final long MIN_DUMP_SAMPLES_WITHOUT_JFR = 5;
    static final double WARN_SELF_SHARE = 0.30;      // one method on top of a third of all samples stands out in any profile
    static final double CRITICAL_SELF_SHARE = 0.70;  // the profile is that method
    static final double WARN_CORES = 0.25;           // a quarter of a core spent in one method is worth a look
    static final double CRITICAL_CORES = 1.0;        // a whole core spent in one method
    static final int TOP_LISTED = 5;

    @Override public String id() { return "cpu.hot-method"; }
    @Override public Dimension dimension() { return Dimension.CPU; }
    @Override public boolean quietWhileStartingUp() { return true; }

    static final RuleInfo INFO = new RuleInfo("One method dominates the CPU profile",
            "One method, or one call path, carries a dominant share of the CPU samples while the process really burns CPU: a hot loop,"
            + " an expensive algorithm on the request path, a regular expression or serialisation done over and over. The report's CPU"
            + " flame graph shows the paths that lead to it.",
            "Self share of the profiled CPU 30% warning, 70% critical; and the method's CPU 0.25 cores warning, 1 core critical."
            + " Needs at least 1 s of profiled CPU in the window.",
            "Cache the result, use a cheaper algorithm or data structure, or move the work off the request path.",
            "jcmd <pid> Thread.print a few times; jcmd <pid> JFR.start duration=30s filename=cpu.jfr, open in JDK Mission Control");

    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        boolean fromJfr = window.cpu().fromJfr();
        CpuProfile cpu = window.cpu().busiest();
        if (cpu.cpuMillis() < MIN_PROFILED_CPU_MS || cpu.topMethods().isEmpty()) return Optional.empty();
        MethodShare hot = cpu.topMethods().get(0);
        if (!fromJfr && hot.selfSamples() < (window.jfrCovered() ? MIN_DUMP_SAMPLES : MIN_DUMP_SAMPLES_WITHOUT_JFR)) return Optional.empty();
        double share = cpu.selfShare(hot);
        if (share < WARN_SELF_SHARE) return Optional.empty();  // no single method dominates
        int byShare = Score.of(share, WARN_SELF_SHARE, CRITICAL_SELF_SHARE);
        double processCores = window.processCores();
        // Without the process's CPU time the share alone cannot say the method costs much: stay below critical.
        double methodCores = processCores < 0 ? -1 : share * processCores;
        int score = methodCores < 0 ? Math.min(byShare, Score.INDIRECT_CAP)
                : Score.both(byShare, Score.of(methodCores, WARN_CORES, CRITICAL_CORES));
        String caller = Frames.firstApplicationFrame(hot.hottestStack());
        return Optional.of(Finding.of(this, score)
                .title(hot.method() + " takes " + Units.percent(share) + " of the profiled CPU"
                        + (methodCores < 0 ? "" : " (about " + Units.decimal(methodCores) + " cores)"))
                .detail("Self share " + Units.percent(share) + " of " + cpu.cpuMillis() + " ms of profiled CPU (warning at "
                        + Units.percent(WARN_SELF_SHARE) + ", critical at " + Units.percent(CRITICAL_SELF_SHARE)
                        + "); process CPU " + (processCores < 0 ? "unknown" : Units.decimal(processCores) + " cores")
                        + " (warning at " + WARN_CORES + ", critical at " + CRITICAL_CORES + " cores in this method).")
                .evidence("method", hot.method())
                .evidence("selfShare", Units.round(share, 3))
                .evidence("totalShare", Units.round(cpu.totalShare(hot), 3))
                .evidence("profiledCpuMs", cpu.cpuMillis())
                .evidence("source", fromJfr ? "jfr-execution-samples" : "thread-dumps")
                .evidence("methodCores", methodCores < 0 ? null : Units.round(methodCores, 2))
                .evidence("processCores", processCores < 0 ? null : Units.round(processCores, 2))
                .evidence("applicationFrame", caller)
                .evidence("topMethods", topMethods(cpu))
                .stack(hot.hottestStack())
                .recommendation("Look at what " + caller + " asks of " + hot.method()
                        + ": cache the result, use a cheaper algorithm or data structure, or move the work off the request path.")
                .verify("jcmd " + window.pid() + " Thread.print (repeat a few times: the hot thread shows " + hot.method()
                        + "), or jcmd " + window.pid() + " JFR.start duration=30s filename=cpu.jfr and open it in JDK Mission Control")
                .build());
    }

    /** The methods with most self time, each with its self and total (self plus callees) share of the samples. */
    private static List<Map<String, Object>> topMethods(CpuProfile cpu) {
        return cpu.topMethods().stream().limit(TOP_LISTED).map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", m.method());
            row.put("selfShare", Units.round(cpu.selfShare(m), 3));
            row.put("totalShare", Units.round(cpu.totalShare(m), 3));
            return row;
        }).toList();
    }
}
