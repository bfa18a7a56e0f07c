package dev.quadrant.core;

import dev.quadrant.core.evidence.AllocationProfile;
import dev.quadrant.core.evidence.AllocationSite;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.GcActivity;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.MonitorContention;
import dev.quadrant.core.evidence.SocketEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates the evidence of one window as it arrives. Every table is capped: what does not fit is counted
 * as dropped, never kept, so a window costs the same memory however busy or long-running the service is.
 * Collectors call it from their own threads; once built, it takes nothing more.
 */
public final class WindowBuilder {
    static final int MAX_CPU_STACKS = 4096;       // distinct sampled stacks; beyond that only the total counts
    static final int MAX_THREAD_CPU_STACKS = 1024; // stacks of busy threads from thread dumps
    static final int MAX_ALLOCATION_KEYS = 2048;  // distinct (type, stack) pairs
    static final int MAX_MONITOR_KEYS = 256;      // distinct (monitor class, site) pairs
    static final int MAX_ENDPOINTS = 256;         // distinct remote host:port
    static final int MAX_BLOCKED_CALLS = 64;      // threads reported stuck in one window
    static final int MAX_THREAD_NAMES = 16;       // waiter names shown per monitor
    static final int MAX_COUNTED_THREADS = 128;   // distinct waiters counted per monitor
    static final int TOP_SITES = 10;

    private final long pid;
    private final Instant start;
    private final StackWeights cpuMillis = new StackWeights(MAX_CPU_STACKS);
    private final StackWeights threadCpuMillis = new StackWeights(MAX_THREAD_CPU_STACKS);
    private final Map<AllocationKey, long[]> allocations = new HashMap<>();
    private long allocationSamples, allocationBytes;
    private final Map<MonitorKey, MonitorAcc> monitors = new HashMap<>();
    private final Map<String, SocketAcc> sockets = new HashMap<>();
    private final List<BlockedCall> blockedCalls = new ArrayList<>();
    private long gcCount, gcPauseNanos, gcLongestNanos;
    private final JvmSample.Builder jvm = new JvmSample.Builder();
    private long seen, dropped;
    private boolean closed;

    public WindowBuilder(long pid, Instant start) {
        this.pid = pid;
        this.start = start;
    }

    public Instant start() { return start; }

    /** One JFR execution sample, standing for one sampling period of CPU time. */
    public synchronized void cpuSample(List<String> stack, long periodMillis) {
        if (!accept()) return;
        if (!cpuMillis.add(stack, periodMillis)) dropped++;
    }

    /** A busy thread's stack from a thread dump, weighted by the CPU milliseconds it used since the previous dump. */
    public synchronized void threadCpu(List<String> stack, long cpuMillis) {
        if (!accept()) return;
        if (!threadCpuMillis.add(stack, cpuMillis)) dropped++;
    }

    public synchronized void allocationSample(String type, long weightBytes, List<String> stack) {
        if (!accept()) return;
        allocationSamples++;
        allocationBytes += weightBytes;
        AllocationKey key = new AllocationKey(type, stack);
        long[] bytes = allocations.get(key);
        if (bytes == null) {
            if (allocations.size() >= MAX_ALLOCATION_KEYS) { dropped++; return; }
            allocations.put(key, bytes = new long[1]);
        }
        bytes[0] += weightBytes;
    }

    public synchronized void monitorWait(String monitorClass, String thread, String owner, Duration waited, List<String> stack) {
        if (!accept()) return;
        MonitorKey key = new MonitorKey(monitorClass, stack.isEmpty() ? "(unknown)" : stack.get(0));
        MonitorAcc acc = monitors.get(key);
        if (acc == null) {
            if (monitors.size() >= MAX_MONITOR_KEYS) { dropped++; return; }
            monitors.put(key, acc = new MonitorAcc());
        }
        acc.add(thread, owner, waited.toNanos(), stack);
    }

    public synchronized void socketRead(String peer, Duration took, long bytes, long timeoutMillis, String thread, List<String> stack) {
        if (!accept()) return;
        SocketAcc acc = sockets.get(peer);
        if (acc == null) {
            if (sockets.size() >= MAX_ENDPOINTS) { dropped++; return; }
            sockets.put(peer, acc = new SocketAcc());
        }
        acc.add(took.toNanos(), bytes, timeoutMillis, thread, stack);
    }

    public synchronized void gcPause(Duration pause) {
        if (!accept()) return;
        gcCount++;
        gcPauseNanos += pause.toNanos();
        gcLongestNanos = Math.max(gcLongestNanos, pause.toNanos());
    }

    public synchronized void blockedCall(BlockedCall call) {
        if (!accept()) return;
        if (blockedCalls.size() >= MAX_BLOCKED_CALLS) { dropped++; return; }
        blockedCalls.add(call);
    }

    /** The MXBean part; samplers fill it in just before the window is built. */
    public synchronized JvmSample.Builder jvm() { return jvm; }

    /** Counts an event a collector saw but could not use (e.g. its handler failed). */
    public synchronized void dropped(long events) { dropped += events; }

    public synchronized long droppedSoFar() { return dropped; }

    private boolean accept() {
        if (closed) { dropped++; return false; }
        seen++;
        return true;
    }

    /** Closes the window; later evidence is counted as dropped. {@code history} is the earlier windows, oldest first. */
    public synchronized Window build(Instant end, List<JvmSample> history) {
        closed = true;
        return new Window(pid, start, end, cpuMillis.profile(), threadCpuMillis.profile(), allocationProfile(),
                new GcActivity(gcCount, Duration.ofNanos(gcPauseNanos), Duration.ofNanos(gcLongestNanos)),
                monitorContention(), socketEndpoints(), List.copyOf(blockedCalls), jvm.build(end), List.copyOf(history), seen, dropped);
    }

    private AllocationProfile allocationProfile() {
        if (allocationSamples == 0) return AllocationProfile.EMPTY;
        Map<List<String>, long[]> bySite = new HashMap<>();  // (site, type) -> bytes
        Map<List<String>, List<String>> stackOf = new HashMap<>();
        Map<List<String>, Long> stackBytes = new HashMap<>();
        for (Map.Entry<AllocationKey, long[]> e : allocations.entrySet()) {
            AllocationKey k = e.getKey();
            List<String> site = List.of(Frames.firstApplicationFrame(k.stack()), k.type());
            long bytes = e.getValue()[0];
            bySite.computeIfAbsent(site, s -> new long[1])[0] += bytes;
            if (stackBytes.getOrDefault(site, -1L) < bytes) { stackBytes.put(site, bytes); stackOf.put(site, k.stack()); }
        }
        List<AllocationSite> top = bySite.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_SITES)
                .map(e -> new AllocationSite(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], stackOf.get(e.getKey())))
                .toList();
        return new AllocationProfile(allocationSamples, allocationBytes, top);
    }

    private List<MonitorContention> monitorContention() {
        return monitors.entrySet().stream()
                .map(e -> e.getValue().toContention(e.getKey()))
                .sorted(Comparator.comparing(MonitorContention::totalBlocked).reversed())
                .toList();
    }

    private List<SocketEndpoint> socketEndpoints() {
        return sockets.entrySet().stream()
                .map(e -> e.getValue().toEndpoint(e.getKey()))
                .sorted(Comparator.comparing(SocketEndpoint::totalTime).reversed())
                .toList();
    }

    private record AllocationKey(String type, List<String> stack) {}

    private record MonitorKey(String monitorClass, String site) {}

    private static final class MonitorAcc {
        long waits, totalNanos, longestNanos;
        final Set<String> threads = new LinkedHashSet<>();
        String longestWaiter, owner;
        List<String> stack = List.of();

        void add(String thread, String ownerThread, long nanos, List<String> waitStack) {
            waits++;
            totalNanos += nanos;
            if (threads.size() < MAX_COUNTED_THREADS) threads.add(thread);
            if (nanos >= longestNanos) { longestNanos = nanos; longestWaiter = thread; owner = ownerThread; stack = waitStack; }
        }

        MonitorContention toContention(MonitorKey key) {
            return new MonitorContention(key.monitorClass(), key.site(), waits, Duration.ofNanos(totalNanos), Duration.ofNanos(longestNanos),
                    threads.size(), threads.stream().limit(MAX_THREAD_NAMES).toList(), longestWaiter, owner, stack);
        }
    }

    private static final class SocketAcc {
        long reads, bytes, totalNanos, longestNanos, untimed, longestUntimedNanos;
        String untimedThread;
        List<String> untimedStack = List.of();

        void add(long nanos, long readBytes, long timeoutMillis, String thread, List<String> stack) {
            reads++;
            bytes += Math.max(0, readBytes);
            totalNanos += nanos;
            longestNanos = Math.max(longestNanos, nanos);
            if (timeoutMillis == 0) {
                untimed++;
                if (nanos >= longestUntimedNanos) { longestUntimedNanos = nanos; untimedThread = thread; untimedStack = stack; }
            }
        }

        SocketEndpoint toEndpoint(String peer) {
            return new SocketEndpoint(peer, reads, bytes, Duration.ofNanos(totalNanos), Duration.ofNanos(longestNanos),
                    untimed, Duration.ofNanos(longestUntimedNanos), untimedThread, untimedStack);
        }
    }
}
