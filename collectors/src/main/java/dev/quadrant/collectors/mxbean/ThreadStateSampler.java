package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.core.BlockingCalls;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
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
 * Samples every thread's state on a short period. Tracks threads that stay in a blocking call with no timeout
 * (JFR records a blocking call only when it returns; the ones that matter most never do): untimed socket reads, and
 * untimed waits (Future.get(), join(), await(), wait()) of threads running tasks. Weighs busy threads' stacks by the
 * CPU they used, a CPU profile for code JFR's sampler cannot walk. Notes who holds a java.util.concurrent lock that
 * others wait for, with its stack.
 */
public final class ThreadStateSampler implements Collector {
    static final int MAX_DEPTH = 48;       // deep enough to pass the JDK's socket frames and reach the caller
    static final int MAX_TRACKED = 1024;   // threads tracked at once; the rest are not tracked this round
    static final long MIN_BUSY_NANOS = 5_000_000;  // a thread that used under 5 ms since the last dump is not busy
    static final int MAX_BUSY_STACKS = 512;        // per window; more distinct busy stacks are counted, not kept
    static final Duration CLASSIFY_WAIT_AFTER = Duration.ofSeconds(2);  // a wait this old gets its stack read, once
    static final int CLASSIFY_DEPTH = 192;  // to the worker's run frames under a framework's request path (Spring on Tomcat: ~120)
    static final int MAX_HOLDERS = 64;             // lock holders' stacks per window
    static final int MAX_WAIT_STACKS_PER_POLL = 128;  // a host that parks thousands of threads at once gets them read over several polls
    static final String JUC_LOCK_PREFIX = "java.util.concurrent.locks.Reentrant";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final EventLoopSampler eventLoops;
    private final Map<Long, Tracked> tracked = new HashMap<>();
    private final Map<Long, Long> lastCpuNanos = new HashMap<>();
    private final Map<List<String>, long[]> busyStacks = new HashMap<>();
    private long busyOverflow;
    private final Map<Long, Waiting> waits = new HashMap<>();
    private final Map<Integer, Holder> holders = new HashMap<>();  // lock identity -> holder seen this window

    private record Tracked(BlockingKind kind, String thread, Instant since, List<String> stack) {}

    /** One continuous wait: same blocker, and the thread has not woken since (its wait count is unchanged). */
    private static final class Waiting {
        final String thread;
        final int blocker;
        final long waitedCount;
        final Instant since;
        boolean classified;
        BlockingKind kind;
        List<String> stack = List.of();

        Waiting(String thread, int blocker, long waitedCount, Instant since) {
            this.thread = thread;
            this.blocker = blocker;
            this.waitedCount = waitedCount;
            this.since = since;
        }

        boolean same(ThreadInfo t) { return blocker == blockerOf(t) && waitedCount == t.getWaitedCount(); }
    }

    private record Holder(String thread, List<String> stack) {}

    public ThreadStateSampler() { this(new EventLoopSampler()); }

    /** Hands the event-loop threads it comes across to {@code eventLoops}. */
    public ThreadStateSampler(EventLoopSampler eventLoops) { this.eventLoops = eventLoops; }

    private static int blockerOf(ThreadInfo t) { return t.getLockInfo() == null ? 0 : t.getLockInfo().getIdentityHashCode(); }

    /**
     * Reads every thread's state (see {@link ThreadSnapshots}), then the stacks of the RUNNABLE ones only: both an
     * untimed socket read and a busy thread are RUNNABLE, and most threads of a large service are parked, so the
     * stop-the-world stack walk covers a few threads instead of all of them.
     */
    public synchronized void poll(Instant now) {
        ThreadInfo[] states = ThreadSnapshots.states(threads);
        trackWaits(states, now);
        lockHolders(states);
        ThreadInfo[] infos = runnableThreadStacks(states);
        long[] cpu = cpuTimes(infos);
        Map<Long, Tracked> next = new HashMap<>();
        Map<Long, Long> cpuNow = new HashMap<>();
        for (int i = 0; i < infos.length; i++) {
            ThreadInfo info = infos[i];  // RUNNABLE, not the agent's: see runnableThreadStacks
            StackTraceElement[] trace = info.getStackTrace();
            if (EventLoopSampler.isLoop(trace)) eventLoops.found(info.getThreadId());
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
                    : new Tracked(BlockingKind.SOCKET_READ, info.getThreadName(), now, stack));
        }
        tracked.clear();
        tracked.putAll(next);
        lastCpuNanos.clear();
        lastCpuNanos.putAll(cpuNow);
    }

    /**
     * Untimed waits: a thread's stack is read once, when it has sat in one wait for {@link #CLASSIFY_WAIT_AFTER}; idle
     * workers are classified as nothing and not read again until they wake.
     */
    private void trackWaits(ThreadInfo[] states, Instant now) {
        Map<Long, Waiting> next = new HashMap<>();
        List<Long> unread = new java.util.ArrayList<>();
        for (ThreadInfo t : states) {
            if (t == null || t.getThreadState() != Thread.State.WAITING || t.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) continue;
            if (next.size() >= MAX_TRACKED) break;
            Waiting w = waits.get(t.getThreadId());
            if (w == null || !w.same(t)) w = new Waiting(t.getThreadName(), blockerOf(t), t.getWaitedCount(), now);
            next.put(t.getThreadId(), w);
            if (!w.classified && unread.size() < MAX_WAIT_STACKS_PER_POLL && Duration.between(w.since, now).compareTo(CLASSIFY_WAIT_AFTER) >= 0) {
                unread.add(t.getThreadId());
            }
        }
        waits.clear();
        waits.putAll(next);
        if (unread.isEmpty()) return;
        for (ThreadInfo info : ThreadSnapshots.stacks(threads, unread.stream().mapToLong(Long::longValue).toArray(), CLASSIFY_DEPTH)) {
            if (info == null) continue;
            Waiting w = waits.get(info.getThreadId());
            if (w == null) continue;
            w.classified = true;
            if (info.getThreadState() != Thread.State.WAITING || !w.same(info)) continue;  // woke up meanwhile: a new wait
            List<String> whole = StackFrames.of(info.getStackTrace(), CLASSIFY_DEPTH);
            w.kind = BlockingCalls.isTaskThread(whole) ? BlockingCalls.untimedWait(whole) : null;
            if (w.kind != null) w.stack = whole.size() > MAX_DEPTH ? List.copyOf(whole.subList(0, MAX_DEPTH)) : whole;
        }
    }

    /** Who holds the ReentrantLocks threads wait for: their stacks show what is done under the lock. */
    private void lockHolders(ThreadInfo[] states) {
        Map<Long, Integer> owners = new HashMap<>();  // owner thread -> lock identity
        for (ThreadInfo t : states) {
            if (t == null || t.getLockInfo() == null || t.getLockOwnerId() < 0) continue;
            if (!t.getLockInfo().getClassName().startsWith(JUC_LOCK_PREFIX)) continue;
            int lock = t.getLockInfo().getIdentityHashCode();
            if (holders.containsKey(lock) || holders.size() + owners.size() >= MAX_HOLDERS) continue;
            owners.putIfAbsent(t.getLockOwnerId(), lock);
        }
        if (owners.isEmpty()) return;
        long[] ids = owners.keySet().stream().mapToLong(Long::longValue).toArray();
        for (ThreadInfo info : ThreadSnapshots.stacks(threads, ids, MAX_DEPTH)) {
            if (info == null) continue;
            int lock = owners.get(info.getThreadId());
            if (blockerOf(info) == lock) continue;  // released it and queued for it again meanwhile: not a holding stack
            holders.putIfAbsent(lock, new Holder(info.getThreadName(), StackFrames.of(info.getStackTrace(), MAX_DEPTH)));
        }
    }

    private ThreadInfo[] runnableThreadStacks(ThreadInfo[] states) {
        long[] runnable = new long[states.length];
        int n = 0;
        for (ThreadInfo t : states) {
            if (t != null && t.getThreadState() == Thread.State.RUNNABLE && !t.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) {
                runnable[n++] = t.getThreadId();
            }
        }
        if (n == 0) return new ThreadInfo[0];
        return Arrays.stream(ThreadSnapshots.stacks(threads, Arrays.copyOf(runnable, n), MAX_DEPTH)).filter(Objects::nonNull).toArray(ThreadInfo[]::new);
    }

    private long[] cpuTimes(ThreadInfo[] infos) {
        long[] ids = new long[infos.length];
        for (int i = 0; i < infos.length; i++) ids[i] = infos[i].getThreadId();
        if (threads instanceof com.sun.management.ThreadMXBean sun && threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return ThreadSnapshots.cpuTimes(sun, ids);
        }
        long[] none = new long[infos.length];
        Arrays.fill(none, -1);
        return none;
    }

    private void busy(List<String> stack, long cpuMillis) {
        long[] w = busyStacks.get(stack);
        if (w == null) {
            if (busyStacks.size() >= MAX_BUSY_STACKS) { busyOverflow++; return; }
            busyStacks.put(stack, w = new long[2]);
        }
        w[0] += cpuMillis;
        w[1]++;
    }

    @Override public String name() { return "thread states"; }

    @Override public void sample(WindowBuilder window, Tick tick) { sample(window, tick.now()); }

    /** Adds the busy threads' stacks, and the threads still blocked with how long they have been seen blocked, to the closing window. */
    public synchronized void sample(WindowBuilder window, Instant now) {
        busyStacks.forEach((stack, ms) -> window.cpu().threadDumpSample(stack, ms[0], ms[1]));
        busyStacks.clear();
        window.dropped(busyOverflow);
        busyOverflow = 0;
        for (Tracked t : tracked.values()) {
            Duration blocked = Duration.between(t.since(), now);
            if (blocked.isNegative() || blocked.isZero()) continue;
            window.threads().blockedCall(new BlockedCall(t.kind(), t.thread(), blocked, t.stack()));
        }
        for (Waiting w : waits.values()) {
            if (w.kind != null) window.threads().blockedCall(new BlockedCall(w.kind, w.thread, Duration.between(w.since, now), w.stack));
        }
        holders.forEach((lock, h) -> window.threads().lockHolder(lock, h.thread(), h.stack()));
        holders.clear();
    }
}
