package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.core.BlockingCalls;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Samples every thread's stack on a short period. Tracks threads that stay in a blocking call with no timeout
 * (JFR records a blocking call only when it returns; the ones that matter most never do), and weighs busy
 * threads' stacks by the CPU they used, a CPU profile for code JFR's sampler cannot walk.
 */
public final class ThreadStateSampler {
    static final int MAX_DEPTH = 48;       // deep enough to pass the JDK's socket frames and reach the caller
    static final int MAX_TRACKED = 1024;   // threads tracked at once; the rest are not tracked this round
    static final long MIN_BUSY_NANOS = 5_000_000;  // a thread that used under 5 ms since the last dump is not busy
    static final int MAX_BUSY_STACKS = 512;        // per window; more distinct busy stacks are counted, not kept

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private final Map<Long, Long> lastCpuNanos = new HashMap<>();
    private final Map<List<String>, long[]> busyStacks = new HashMap<>();
    private long busyOverflow;

    private record Tracked(String kind, String thread, Instant since, List<String> stack) {}

    /**
     * Reads every thread's state (no safepoint), then the stacks of the RUNNABLE ones only: both an untimed socket
     * read and a busy thread are RUNNABLE, and most threads of a large service are parked, so the stop-the-world
     * stack walk covers a few threads instead of all of them.
     */
    public synchronized void poll(Instant now) {
        ThreadInfo[] infos = runnableThreadStacks();
        long[] cpu = cpuTimes(infos);
        Map<Long, Tracked> next = new HashMap<>();
        Map<Long, Long> cpuNow = new HashMap<>();
        for (int i = 0; i < infos.length; i++) {
            ThreadInfo info = infos[i];  // RUNNABLE, not the agent's: see runnableThreadStacks
            StackTraceElement[] trace = info.getStackTrace();
            List<String> stack = null;
            if (cpu[i] >= 0) {
                cpuNow.put(info.getThreadId(), cpu[i]);
                Long before = lastCpuNanos.get(info.getThreadId());
                if (before != null && cpu[i] - before >= MIN_BUSY_NANOS && info.getThreadState() == Thread.State.RUNNABLE) {
                    stack = StackFrames.of(trace, MAX_DEPTH);
                    busy(stack, (cpu[i] - before) / 1_000_000);
                }
            }
            // Every blocking socket call bottoms out in sun.nio.ch: skip formatting every other stack.
            if (trace.length == 0 || !trace[0].getClassName().startsWith("sun.nio.ch.")) continue;
            if (stack == null) stack = StackFrames.of(trace, MAX_DEPTH);
            if (!BlockingCalls.isApplicationUntimedSocketRead(stack)) continue;
            Tracked before = tracked.get(info.getThreadId());
            if (next.size() >= MAX_TRACKED) break;
            next.put(info.getThreadId(), before != null ? before
                    : new Tracked(BlockingCalls.UNTIMED_SOCKET_READ, info.getThreadName(), now, stack));
        }
        tracked.clear();
        tracked.putAll(next);
        lastCpuNanos.clear();
        lastCpuNanos.putAll(cpuNow);
    }

    private ThreadInfo[] runnableThreadStacks() {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] states = threads.getThreadInfo(ids, 0);
        long[] runnable = new long[states.length];
        int n = 0;
        for (ThreadInfo t : states) {
            if (t != null && t.getThreadState() == Thread.State.RUNNABLE && !t.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) {
                runnable[n++] = t.getThreadId();
            }
        }
        if (n == 0) return new ThreadInfo[0];
        return Arrays.stream(threads.getThreadInfo(Arrays.copyOf(runnable, n), MAX_DEPTH)).filter(Objects::nonNull).toArray(ThreadInfo[]::new);
    }

    private long[] cpuTimes(ThreadInfo[] infos) {
        long[] ids = new long[infos.length];
        for (int i = 0; i < infos.length; i++) ids[i] = infos[i].getThreadId();
        if (threads instanceof com.sun.management.ThreadMXBean sun && threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return sun.getThreadCpuTime(ids);
        }
        long[] none = new long[infos.length];
        Arrays.fill(none, -1);
        return none;
    }

    private void busy(List<String> stack, long cpuMillis) {
        long[] w = busyStacks.get(stack);
        if (w == null) {
            if (busyStacks.size() >= MAX_BUSY_STACKS) { busyOverflow++; return; }
            busyStacks.put(stack, w = new long[1]);
        }
        w[0] += cpuMillis;
    }

    /** Adds the busy threads' stacks, and the threads still blocked with how long they have been seen blocked, to the closing window. */
    public synchronized void sample(WindowBuilder window, Instant now) {
        busyStacks.forEach((stack, ms) -> window.threadCpu(stack, ms[0]));
        busyStacks.clear();
        window.dropped(busyOverflow);
        busyOverflow = 0;
        for (Tracked t : tracked.values()) {
            Duration blocked = Duration.between(t.since(), now);
            if (blocked.isNegative() || blocked.isZero()) continue;
            window.blockedCall(new BlockedCall(t.kind(), t.thread(), blocked, t.stack()));
        }
    }
}
