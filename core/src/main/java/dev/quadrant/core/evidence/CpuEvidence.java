package dev.quadrant.core.evidence;

import java.util.List;

/**
 * The window's CPU evidence. {@code jfr} is JFR's execution samples; {@code threadDumps} weighs busy threads' stacks from
 * thread dumps by their CPU time, for code JFR's sampler cannot walk (on JDK 17 it misses threads in allocation-heavy
 * compiled loops almost entirely). {@code exceptionsThrown} is -1 when JFR did not count them.
 */
public record CpuEvidence(CpuProfile jfr, CpuProfile threadDumps, List<BusyThread> busyThreads, long exceptionsThrown, JitActivity jit) {
    /** Whether JFR's samples saw at least as much CPU as the thread dumps: the profile the CPU findings and flame graph use. */
    public boolean fromJfr() { return jfr.cpuMillis() >= threadDumps.cpuMillis(); }

    /** The CPU profile from whichever source saw more CPU: JFR's sampler is finer, thread dumps see what it cannot walk. */
    public CpuProfile busiest() { return fromJfr() ? jfr : threadDumps; }
}
