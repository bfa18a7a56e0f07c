package dev.quadrant.core.cpu;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.CpuProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exceptions thrown so often that building them (each fills in its stack trace) costs real CPU: exceptions used for
 * control flow, parsing that fails as the normal case, a retry loop hitting the same error.
 */
public final class ExceptionStormRule implements Rule {
    static final double MIN_RATE = 100;            // per second; fewer is ordinary error handling
    static final double WARN_RATE = 1_000;
    static final double CRITICAL_RATE = 10_000;
    static final double WARN_CPU_SHARE = 0.05;     // 5% of the profiled CPU building exceptions is a cost worth removing
    static final double CRITICAL_CPU_SHARE = 0.20;
    static final long MIN_PROFILED_CPU_MS = 500;   // under that the profile cannot tell the share
    static final double MIN_COST_NANOS = 1_000;    // creating an exception costs at least ~1 µs (a shallow stack); deep ones 10x
    static final int LISTED = 5;

    static final RuleInfo INFO = new RuleInfo("Exceptions thrown at a rate that costs CPU",
            "Exceptions are created so often that filling in their stack traces takes a real share of the CPU: exceptions used for"
                    + " control flow (parse and catch), a failing call retried in a loop, an error logged per request.",
            "Rate 1,000/s warning, 10,000/s critical (reported from 100/s), and exception creation 5% (warning) or 20% (critical) of"
                    + " the CPU: the share a CPU profile saw, or at least 1 µs per exception (profilers see only part of the cost).",
            "Validate instead of catching (e.g. check the format before parsing), fix the failing call, or reuse a preallocated"
                    + " exception without a stack trace for expected control flow.",
            "jcmd <pid> JFR.start settings=profile duration=30s filename=ex.jfr; jfr print --events jdk.JavaExceptionThrow ex.jfr");

    @Override public String id() { return "cpu.exception-storm"; }
    @Override public Dimension dimension() { return Dimension.CPU; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        if (window.cpu().exceptionsThrown() < 0) return Optional.empty();
        double rate = window.cpu().exceptionsThrown() / window.seconds();
        if (rate < MIN_RATE) return Optional.empty();
        // Filling in a stack trace runs inside the VM, where neither JFR's sampler nor a thread dump looks: profiles see
        // only part of it. So the share is the larger of what a profile saw and a floor of 1 µs per exception.
        CpuProfile jfr = window.cpu().jfr(), dumps = window.cpu().threadDumps();
        CpuProfile cpu = exceptionShare(jfr) >= exceptionShare(dumps) ? jfr : dumps;
        double profiledShare = exceptionShare(cpu);
        double cores = window.processCores();
        double floorShare = cores > 0 ? Math.min(1.0, rate * MIN_COST_NANOS / 1e9 / cores) : -1;
        double share = Math.max(profiledShare, floorShare);
        boolean profiled = profiledShare >= floorShare && profiledShare > 0;
        int byRate = Score.of(rate, WARN_RATE, CRITICAL_RATE);
        int score = share >= 0 ? Score.both(byRate, Score.of(share, WARN_CPU_SHARE, CRITICAL_CPU_SHARE)) : Math.min(byRate, Score.INDIRECT_CAP);
        CpuProfile.ExceptionSite top = cpu.exceptionSites().isEmpty() ? null : cpu.exceptionSites().get(0);
        String what = top == null ? "" : ", mostly " + simpleName(top.type()) + " from " + top.site();
        return Optional.of(Finding.of(this, Math.max(1, score))
                .title(Math.round(rate) + " exceptions/s" + (share >= 0 ? (profiled ? " taking " : " taking at least ") + Units.percent(share) + " of the CPU" : "") + what)
                .detail(window.cpu().exceptionsThrown() + " exceptions created in " + Units.decimal(window.seconds()) + " s (warning at " + (int) WARN_RATE
                        + "/s, critical at " + (int) CRITICAL_RATE + "/s); " + (profiled ? "building them took " + cpu.exceptionMillis() + " of "
                        + cpu.cpuMillis() + " ms of profiled CPU = " + Units.percent(share)
                        : share >= 0 ? "at " + (int) MIN_COST_NANOS / 1000 + " µs each at least, they take " + Units.percent(share) + " of the process's CPU"
                        : "their CPU cost is unknown") + " (warning at " + Units.percent(WARN_CPU_SHARE) + ", critical at " + Units.percent(CRITICAL_CPU_SHARE) + ").")
                .evidence("exceptionsPerSecond", Math.round(rate))
                .evidence("exceptions", window.cpu().exceptionsThrown())
                .evidence("cpuShare", share >= 0 ? Units.round(share, 3) : null)
                .evidence("cpuShareFrom", share < 0 ? null : profiled ? "cpu-profile" : "lower-bound-1us-per-exception")
                .evidence("sites", cpu.exceptionSites().stream().limit(LISTED).map(s -> site(s, cpu)).toList())
                .stack(top == null ? List.of() : top.stack())
                .recommendation(top == null ? "Find the code that throws (a JFR recording with jdk.JavaExceptionThrow) and stop using exceptions for the normal path."
                        : "At " + top.site() + ": avoid throwing " + simpleName(top.type()) + " on the normal path (validate before parsing,"
                        + " return a result instead of throwing), or fix the call that keeps failing.")
                .verify("jcmd " + window.pid() + " JFR.start settings=profile duration=30s filename=ex.jfr, then jfr summary ex.jfr"
                        + " (jdk.JavaExceptionThrow count) and jfr print --events jdk.JavaExceptionThrow ex.jfr")
                .build());
    }

    private static double exceptionShare(CpuProfile p) {
        return p.cpuMillis() < MIN_PROFILED_CPU_MS ? -1 : (double) p.exceptionMillis() / p.cpuMillis();
    }

    private static Map<String, Object> site(CpuProfile.ExceptionSite s, CpuProfile cpu) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type());
        m.put("site", s.site());
        m.put("cpuShare", Units.round((double) s.cpuMillis() / cpu.cpuMillis(), 3));
        return m;
    }

    private static String simpleName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
