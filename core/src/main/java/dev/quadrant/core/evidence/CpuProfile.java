package dev.quadrant.core.evidence;

import java.util.List;

/**
 * CPU time attributed to stacks, reduced to the methods that carry it, most self time first, and the call tree.
 * Weights are CPU milliseconds: a JFR sample stands for one sampling period, a thread dump for the thread's CPU since
 * the last; {@code samples} is how many of those there were. {@code exceptionMillis} is the time spent building exceptions (filling in their stack traces), with
 * {@code exceptionSites}: the application frames that created them, most time first.
 */
public record CpuProfile(long cpuMillis, long samples, long distinctStacks, List<MethodShare> topMethods, CallTree tree,
                         long exceptionMillis, List<ExceptionSite> exceptionSites) {
    public static final CpuProfile EMPTY = new CpuProfile(0, 0, 0, List.of(), CallTree.EMPTY, 0, List.of());

    public double selfShare(MethodShare m) { return cpuMillis == 0 ? 0 : (double) m.selfMillis() / cpuMillis; }
    public double totalShare(MethodShare m) { return cpuMillis == 0 ? 0 : (double) m.totalMillis() / cpuMillis; }

    /** Where exceptions are created: the exception type, the application frame, the CPU it cost, a stack. */
    public record ExceptionSite(String type, String site, long cpuMillis, List<String> stack) {}
}
