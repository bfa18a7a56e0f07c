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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples every thread's stack on a short period and tracks threads that stay in a blocking call with no
 * timeout. JFR records a blocking call only when it returns; the ones that matter most never do.
 */
public final class ThreadStateSampler {
    static final int MAX_DEPTH = 48;       // deep enough to pass the JDK's socket frames and reach the caller
    static final int MAX_TRACKED = 1024;   // threads tracked at once; the rest are not tracked this round

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private long polls;

    private record Tracked(String kind, String thread, Instant since, List<String> stack) {}

    /** One thread dump: a safepoint of about a millisecond per few hundred threads, so it runs every second or two. */
    public synchronized void poll(Instant now) {
        polls++;
        ThreadInfo[] infos = threads.dumpAllThreads(false, false, MAX_DEPTH);
        Map<Long, Tracked> next = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info == null || info.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) continue;
            StackTraceElement[] trace = info.getStackTrace();
            // Every blocking socket call bottoms out in sun.nio.ch: skip formatting every other stack.
            if (trace.length == 0 || !trace[0].getClassName().startsWith("sun.nio.ch.")) continue;
            List<String> stack = StackFrames.of(trace, MAX_DEPTH);
            if (!BlockingCalls.isUntimedSocketRead(stack)) continue;
            Tracked before = tracked.get(info.getThreadId());
            if (next.size() >= MAX_TRACKED) break;
            next.put(info.getThreadId(), before != null ? before
                    : new Tracked(BlockingCalls.UNTIMED_SOCKET_READ, info.getThreadName(), now, stack));
        }
        tracked.clear();
        tracked.putAll(next);
    }

    /** Adds the threads still blocked to the closing window, with how long they have been seen blocked. */
    public synchronized void sample(WindowBuilder window, Instant now) {
        for (Tracked t : tracked.values()) {
            Duration blocked = Duration.between(t.since(), now);
            if (blocked.isNegative() || blocked.isZero()) continue;
            window.blockedCall(new BlockedCall(t.kind(), t.thread(), blocked, t.stack()));
        }
    }

    public synchronized long polls() { return polls; }
}
