package dev.quadrant.agent;

import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.collectors.mxbean.ThreadSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures the CPU time the agent costs: its own {@code quadrant-*} threads and the JDK's JFR threads that
 * run because of its recording. Per-thread CPU clocks, read once per window; not an estimate.
 */
final class SelfCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> last = new HashMap<>();

    /** CPU milliseconds used by those threads since the previous call. */
    long sinceLastMs() {
        if (!threads.isThreadCpuTimeSupported()) return -1;
        if (!threads.isThreadCpuTimeEnabled()) return -1;
        long total = 0;
        Map<Long, Long> now = new HashMap<>();
        for (ThreadInfo info : ThreadSnapshots.states(threads)) {
            if (info == null || !isAgents(info.getThreadName())) continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) continue;
            now.put(info.getThreadId(), cpu);
            total += cpu - last.getOrDefault(info.getThreadId(), 0L);
        }
        last.clear();
        last.putAll(now);
        return total / 1_000_000;
    }

    static boolean isAgents(String threadName) {
        return threadName.startsWith(Threads.AGENT_THREAD_PREFIX) || threadName.startsWith("JFR ");
    }
}
