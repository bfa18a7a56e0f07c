package dev.quadrant.core.evidence;

import java.util.List;

/**
 * CPU time attributed to stacks, reduced to the methods that carry it, most self time first. Weights are CPU
 * milliseconds: a JFR sample stands for one sampling period, a thread dump for the thread's CPU since the last.
 */
public record CpuProfile(long cpuMillis, long distinctStacks, List<MethodShare> topMethods) {
    public static final CpuProfile EMPTY = new CpuProfile(0, 0, List.of());

    public double selfShare(MethodShare m) { return cpuMillis == 0 ? 0 : (double) m.selfMillis() / cpuMillis; }
    public double totalShare(MethodShare m) { return cpuMillis == 0 ? 0 : (double) m.totalMillis() / cpuMillis; }
}
