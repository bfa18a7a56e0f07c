package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.core.Frames;
import dev.quadrant.core.ThreadsEvidenceBuilder;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.EventLoopStall;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches event-loop threads (Netty's loops, which Vert.x, Reactor Netty and gRPC run on) for a call that keeps them
 * from their selector. The loops are found by {@link ThreadStateSampler} among the RUNNABLE stacks it reads anyway (an
 * idle loop sits in epoll, RUNNABLE); only theirs are read here, every {@link #PERIOD}: a few threads, a cheap read.
 * A loop seen away from its selector at the same place poll after poll is stalled since the first of those polls.
 */
public final class EventLoopSampler implements Collector {
    public static final Duration PERIOD = Duration.ofMillis(200);
    static final int DEPTH = 128;                   // a loop's own frames and a pipeline of handlers
    static final long MIN_KEPT_NANOS = 100_000_000; // a stall seen in two polls at least
    static final int MAX_LOOPS = ThreadsEvidenceBuilder.MAX_EVENT_LOOPS;
    /** The run methods of Netty's event loops (4.1 and 4.2, each transport): the bottom of every loop thread. */
    static final Set<String> LOOP_RUNS = Set.of("io.netty.channel.SingleThreadIoEventLoop.run", "io.netty.channel.nio.NioEventLoop.run",
            "io.netty.channel.epoll.EpollEventLoop.run", "io.netty.channel.kqueue.KQueueEventLoop.run",
            "io.netty.incubator.channel.uring.IOUringEventLoop.run");
    /** Where an idle loop waits for I/O or tasks. */
    private static final String[] SELECTING = {"sun.nio.ch.SelectorImpl.select", "sun.nio.ch.SelectorImpl.lockAndDoSelect", "sun.nio.ch.EPoll.wait",
            "io.netty.channel.epoll.Native.epollWait", "io.netty.channel.epoll.Native.epollBusyWait", "io.netty.channel.kqueue.Native.keventWait",
            "io.netty.channel.uring.Native.ioUringEnter", "io.netty.incubator.channel.uring.Native.ioUringEnter",
            "io.netty.util.concurrent.SingleThreadEventExecutor.takeTask"};

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Long> loops = new LinkedHashSet<>();
    private final Map<Long, Stall> current = new HashMap<>();
    private final Map<Long, EventLoopStall> longest = new HashMap<>();  // this window's longest ended stall per loop

    private static final class Stall {
        final String thread, key;
        final Instant since;
        Instant last;
        String state;
        List<String> stack;

        Stall(String thread, String key, Instant since, String state, List<String> stack) {
            this.thread = thread;
            this.key = key;
            this.since = since;
            this.last = since;
            this.state = state;
            this.stack = stack;
        }

        Duration length() { return Duration.between(since, last); }

        EventLoopStall evidence(boolean ongoing) { return new EventLoopStall(thread, length(), ongoing, state, stack); }
    }

    /** Whether a thread's stack is an event loop's: its bottom frames run one. */
    static boolean isLoop(StackTraceElement[] trace) {
        for (int i = trace.length - 1; i >= 0 && i >= trace.length - 16; i--) {
            if (trace[i].getMethodName().equals("run") && LOOP_RUNS.contains(trace[i].getClassName() + ".run")) return true;
        }
        return false;
    }

    static boolean selecting(List<String> stack) {
        for (String frame : stack) {
            for (String s : SELECTING) if (frame.startsWith(s)) return true;
            if (!Frames.isPlatform(frame)) return false;  // below the JDK's frames: the loop's or a handler's code
        }
        return false;
    }

    /** The place a loop is kept at: its first non-JDK method (without line: CPU work moves within it) and every caller below. */
    static String placeOf(List<String> stack) {
        StringBuilder key = new StringBuilder();
        boolean below = false;
        for (String frame : stack) {
            if (!below && Frames.isPlatform(frame)) continue;
            key.append(below ? frame : Frames.method(frame)).append('\n');
            below = true;
        }
        return key.length() == 0 ? String.join("\n", stack) : key.toString();
    }

    /** A loop thread found by {@link ThreadStateSampler}. */
    synchronized void found(long threadId) {
        if (loops.size() < MAX_LOOPS) loops.add(threadId);
    }

    /** Reads the loops' stacks; cheap when there are none. */
    public synchronized void poll(Instant now) {
        if (loops.isEmpty()) return;
        long[] ids = loops.stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = ThreadSnapshots.stacks(threads, ids, DEPTH);
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = i < infos.length ? infos[i] : null;
            if (info == null) {  // ended
                end(ids[i]);
                loops.remove(ids[i]);
                continue;
            }
            List<String> stack = StackFrames.of(info.getStackTrace(), DEPTH);
            if (stack.isEmpty() || selecting(stack)) {
                end(ids[i]);
                continue;
            }
            String key = placeOf(stack);
            Stall s = current.get(ids[i]);
            if (s != null && s.key.equals(key)) {
                s.last = now;
                s.state = info.getThreadState().name();
                s.stack = stack;
            } else {
                end(ids[i]);
                current.put(ids[i], new Stall(info.getThreadName(), key, now, info.getThreadState().name(), stack));
            }
        }
    }

    private void end(long id) {
        Stall s = current.remove(id);
        if (s == null || s.length().toNanos() < MIN_KEPT_NANOS) return;
        EventLoopStall before = longest.get(id);
        if (before == null || before.stalled().compareTo(s.length()) < 0) longest.put(id, s.evidence(false));
    }

    @Override public String name() { return "event loops"; }

    /** Each loop's longest stall of the window: one that ended, or the one still going on if it is longer. */
    @Override public synchronized void sample(WindowBuilder window, Tick tick) {
        Map<Long, EventLoopStall> out = new HashMap<>(longest);
        current.forEach((id, s) -> {
            if (s.length().toNanos() < MIN_KEPT_NANOS) return;
            EventLoopStall ended = out.get(id);
            if (ended == null || ended.stalled().compareTo(s.length()) <= 0) out.put(id, s.evidence(true));
        });
        out.values().forEach(window.threads()::eventLoopStall);
        longest.clear();
    }
}
