package dev.quadrant.core;

import dev.quadrant.core.evidence.AllocationProfile;
import dev.quadrant.core.evidence.AllocationSite;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BusyThread;
import dev.quadrant.core.evidence.DeadlockedThread;
import dev.quadrant.core.evidence.FileIo;
import dev.quadrant.core.evidence.GcActivity;
import dev.quadrant.core.evidence.HostLookups;
import dev.quadrant.core.evidence.JitActivity;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.Latencies;
import dev.quadrant.core.evidence.LiveThreads;
import dev.quadrant.core.evidence.MonitorContention;
import dev.quadrant.core.evidence.OldObject;
import dev.quadrant.core.evidence.OpenFileSite;
import dev.quadrant.core.evidence.SocketEndpoint;
import dev.quadrant.core.evidence.ThreadPool;
import dev.quadrant.core.evidence.Timeline;
import dev.quadrant.core.evidence.TinyIo;
import dev.quadrant.core.evidence.VirtualPinning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    static final int MAX_FILES = 256;             // distinct paths with slow file I/O
    static final int MAX_BLOCKED_CALLS = 64;      // threads reported stuck in one window
    static final int MAX_THREAD_NAMES = 16;       // waiter names shown per monitor
    static final int MAX_COUNTED_THREADS = 128;   // distinct waiters counted per monitor
    static final int TOP_SITES = 10;
    static final int MAX_DEOPT_KEYS = 256;        // distinct (method, reason) pairs
    static final int MAX_FAILURE_MESSAGES = 8;
    static final int MAX_BUSY_THREADS = 32;
    static final int MAX_OLD_OBJECTS = 1024;      // JFR's leak profiler keeps 256 samples; a few snapshots per window
    static final int MAX_COLLECTOR_NAMES = 8;
    static final int MAX_POOLS = 512;
    static final int MAX_THREAD_GROUPS = 64;
    static final int MAX_LOCKS = 256;             // java.util.concurrent locks with contended waits
    static final int MAX_DEADLOCKED = 64;
    static final int MAX_PINNING_SITES = 256;
    static final int MAX_TINY_IO_SITES = 256;
    static final int MAX_HOSTS = 256;
    static final int MAX_TIMELINE_POINTS = 600;   // the sampling period keeps a window near 120 points
    static final int MAX_PAUSES = 2000;           // a collection every 30 ms for a minute

    private final long pid;
    private final Instant start;
    private final StackWeights cpuMillis = new StackWeights(MAX_CPU_STACKS);
    private final StackWeights threadCpuMillis = new StackWeights(MAX_THREAD_CPU_STACKS);
    private final Map<AllocationKey, long[]> allocations = new HashMap<>();
    private long allocationSamples, allocationBytes;
    private final Map<MonitorKey, MonitorAcc> monitors = new HashMap<>();
    private final Map<String, SocketAcc> sockets = new HashMap<>();
    private final Map<String, FileAcc> files = new HashMap<>();
    private final List<BlockedCall> blockedCalls = new ArrayList<>();
    private long gcCount, gcOldCount, gcFullCount, gcPauseNanos, gcLongestNanos;
    private String gcLongestCollector = "", gcLongestCause = "";
    private long heapAfterGc = -1, heapAfterOldGc = -1;
    private final Set<String> collectors = new TreeSet<>();
    private long exceptionsThrown = -1;
    private final Map<List<String>, long[]> deoptimizations = new HashMap<>();  // (method, reason, action) -> count
    private long deoptimizationCount, codeCacheFull, compilationFailures;
    private final List<String> failureMessages = new ArrayList<>();
    private final List<BusyThread> busyThreads = new ArrayList<>();
    private final List<OldObject> oldObjects = new ArrayList<>();
    private final List<MonitorContention> locks = new ArrayList<>();
    private final List<Integer> lockIds = new ArrayList<>();           // identity of each entry of locks
    private final Map<Integer, Holder> lockHolders = new HashMap<>();  // lock identity -> who held it when a waiter was seen
    private final List<ThreadPool> pools = new ArrayList<>();
    private final List<LiveThreads> threadGroups = new ArrayList<>();
    private final List<DeadlockedThread> deadlocked = new ArrayList<>();
    private final Map<String, PinAcc> pinning = new HashMap<>();
    private long tinyReads, tinyWrites, tinyBytes;
    private final List<TinyIo.Site> tinySites = new ArrayList<>();
    private final List<HostLookups> hosts = new ArrayList<>();
    private final List<OpenFileSite> openFiles = new ArrayList<>();
    private final Map<String, Long> descriptorKinds = new HashMap<>();
    private final CallTreeBuilder lockWaitMicros = new CallTreeBuilder();
    private final List<Timeline.Point> points = new ArrayList<>();
    private final List<Timeline.Pause> pauses = new ArrayList<>();
    private long pausesLeftOut;
    private final JvmSample.Builder jvm = new JvmSample.Builder();
    private long seen, dropped;
    private boolean closed;

    private Instant jfrSince;

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

    /** A busy thread's stack seen in {@code dumps} thread dumps, weighted by the CPU milliseconds it used meanwhile. */
    public synchronized void threadCpu(List<String> stack, long cpuMillis, long dumps) {
        if (!accept()) return;
        if (!threadCpuMillis.add(stack, cpuMillis, dumps)) dropped++;
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
        lockWaitMicros.add(stack, "waiting for " + monitorClass, waited.toNanos() / 1000);
    }

    /**
     * Contended waits for one java.util.concurrent lock instance over the window ({@code identity} is its identity hash,
     * to match a holder seen by {@link #lockHolder}).
     */
    public synchronized void lockWaits(String lockClass, int identity, long waits, Duration total, Duration longest, int threadCount,
                                       List<String> threads, String longestWaiter, List<String> stack) {
        if (!accept()) return;
        if (locks.size() >= MAX_LOCKS) { dropped++; return; }
        String site = Frames.firstApplicationFrame(stack);
        locks.add(new MonitorContention(MonitorContention.LOCK, lockClass + "@" + Integer.toHexString(identity), site, waits, total,
                longest, threadCount, threads, longestWaiter, null, stack, List.of()));
        lockIds.add(identity);
        // only the longest wait's stack is recorded per lock: the lock's whole wait time is drawn under it
        lockWaitMicros.add(stack, "waiting for " + lockClass, total.toNanos() / 1000);
    }

    /** A thread seen holding a java.util.concurrent lock another thread waited for, with its stack at that moment. */
    public synchronized void lockHolder(int identity, String thread, List<String> stack) {
        if (!accept()) return;
        if (lockHolders.size() >= MAX_LOCKS) { dropped++; return; }
        lockHolders.putIfAbsent(identity, new Holder(thread, stack));
    }

    private record Holder(String thread, List<String> stack) {}

    public synchronized void pool(ThreadPool pool) {
        if (!accept()) return;
        if (pools.size() >= MAX_POOLS) { dropped++; return; }
        pools.add(pool);
    }

    public synchronized void liveThreads(LiveThreads group) {
        if (!accept()) return;
        if (threadGroups.size() >= MAX_THREAD_GROUPS) { dropped++; return; }
        threadGroups.add(group);
    }

    public synchronized void deadlocked(DeadlockedThread thread) {
        if (!accept()) return;
        if (deadlocked.size() >= MAX_DEADLOCKED) { dropped++; return; }
        deadlocked.add(thread);
    }

    /** A virtual thread blocked while pinned to its carrier. */
    public synchronized void virtualPinned(Duration took, String thread, List<String> stack) {
        if (!accept()) return;
        String site = Frames.firstApplicationFrame(stack);
        PinAcc acc = pinning.get(site);
        if (acc == null) {
            if (pinning.size() >= MAX_PINNING_SITES) { dropped++; return; }
            pinning.put(site, acc = new PinAcc());
        }
        acc.count++;
        acc.totalNanos += took.toNanos();
        if (took.toNanos() >= acc.longestNanos) { acc.longestNanos = took.toNanos(); acc.thread = thread; acc.stack = stack; }
    }

    private static final class PinAcc {
        long count, totalNanos, longestNanos;
        String thread;
        List<String> stack = List.of();
    }

    /** The window's small file read and write calls (each at most 128 bytes). */
    public synchronized void tinyFileCalls(long reads, long writes, long bytes) {
        if (!accept()) return;
        tinyReads += reads;
        tinyWrites += writes;
        tinyBytes += bytes;
    }

    public synchronized void tinyFileSite(TinyIo.Site site) {
        if (!accept()) return;
        if (tinySites.size() >= MAX_TINY_IO_SITES) { dropped++; return; }
        tinySites.add(site);
    }

    public synchronized void openFileSite(OpenFileSite site) {
        if (!accept()) return;
        if (openFiles.size() >= TOP_SITES) { dropped++; return; }
        openFiles.add(site);
    }

    /** What the process's open descriptors point to, by kind (a directory, "socket", "pipe"), and how many. */
    public synchronized void descriptorKinds(Map<String, Long> kinds) {
        if (!accept()) return;
        kinds.forEach((k, n) -> { if (descriptorKinds.size() < TOP_SITES || descriptorKinds.containsKey(k)) descriptorKinds.merge(k, n, Long::sum); });
    }

    public synchronized void hostLookups(HostLookups lookups) {
        if (!accept()) return;
        if (hosts.size() >= MAX_HOSTS) { dropped++; return; }
        hosts.add(lookups);
    }

    public synchronized void socketRead(String peer, Duration took, long bytes, long timeoutMillis, String thread, List<String> stack) {
        if (!accept()) return;
        peer = Names.cap(peer);
        SocketAcc acc = sockets.get(peer);
        if (acc == null) {
            if (sockets.size() >= MAX_ENDPOINTS) { dropped++; return; }
            sockets.put(peer, acc = new SocketAcc());
        }
        acc.add(took.toNanos(), bytes, timeoutMillis, thread, stack);
    }

    public synchronized void socketWrite(String peer, Duration took, long bytes, String thread, List<String> stack) {
        if (!accept()) return;
        peer = Names.cap(peer);
        SocketAcc acc = sockets.get(peer);
        if (acc == null) {
            if (sockets.size() >= MAX_ENDPOINTS) { dropped++; return; }
            sockets.put(peer, acc = new SocketAcc());
        }
        acc.write(took.toNanos(), bytes, thread, stack);
    }

    /** A slow file operation: {@code operation} is read, write or force (fsync). */
    public synchronized void fileIo(String path, String operation, Duration took, long bytes, String thread, List<String> stack) {
        if (!accept()) return;
        path = Names.cap(path);
        FileAcc acc = files.get(path);
        if (acc == null) {
            if (files.size() >= MAX_FILES) { dropped++; return; }
            files.put(path, acc = new FileAcc());
        }
        acc.add(operation, took.toNanos(), bytes, thread, stack);
    }

    /**
     * One finished collection: its collector (JFR's name, e.g. G1New, ParallelOld, Z), cause, total and longest
     * stop-the-world pause, and heap used right after it ({@code -1} if unknown).
     */
    public synchronized void gc(String collector, String cause, Duration pauses, Duration longestPause, long heapAfterBytes) {
        gc(collector, cause, pauses, longestPause, heapAfterBytes, null);
    }

    /** As above; {@code startedAt}, when known, places the collection on the window's timeline. */
    public synchronized void gc(String collector, String cause, Duration pauses, Duration longestPause, long heapAfterBytes, Instant startedAt) {
        if (!accept()) return;
        if (startedAt != null) {
            if (this.pauses.size() < MAX_PAUSES) this.pauses.add(new Timeline.Pause(startedAt, pauses, collector, heapAfterBytes));
            else pausesLeftOut++;
        }
        gcCount++;
        gcPauseNanos += pauses.toNanos();
        if (longestPause.toNanos() > gcLongestNanos) {
            gcLongestNanos = longestPause.toNanos();
            gcLongestCollector = collector;
            gcLongestCause = cause;
        }
        if (collectors.size() < MAX_COLLECTOR_NAMES) collectors.add(collector);
        boolean old = GcActivity.isOldCollection(collector);
        if (old) gcOldCount++;
        if (GcActivity.isFullCollection(collector)) gcFullCount++;
        if (heapAfterBytes >= 0) {
            heapAfterGc = heapAfterGc < 0 ? heapAfterBytes : Math.min(heapAfterGc, heapAfterBytes);
            if (old) heapAfterOldGc = heapAfterOldGc < 0 ? heapAfterBytes : Math.min(heapAfterOldGc, heapAfterBytes);
        }
    }

    /** Exceptions created in the window (JFR counts every Throwable constructed). */
    public synchronized void exceptionsThrown(long count) {
        if (!accept()) return;
        exceptionsThrown = Math.max(0, exceptionsThrown) + count;
    }

    public synchronized void deoptimization(String method, String reason, String action) {
        if (!accept()) return;
        deoptimizationCount++;
        List<String> key = List.of(method, reason, action);
        long[] n = deoptimizations.get(key);
        if (n == null) {
            if (deoptimizations.size() >= MAX_DEOPT_KEYS) { dropped++; return; }
            deoptimizations.put(key, n = new long[1]);
        }
        n[0]++;
    }

    public synchronized void codeCacheFull() {
        if (accept()) codeCacheFull++;
    }

    public synchronized void compilationFailure(String message) {
        if (!accept()) return;
        compilationFailures++;
        if (failureMessages.size() < MAX_FAILURE_MESSAGES && !failureMessages.contains(message)) failureMessages.add(message);
    }

    public synchronized void busyThread(BusyThread thread) {
        if (!accept()) return;
        if (busyThreads.size() >= MAX_BUSY_THREADS) { dropped++; return; }
        busyThreads.add(thread);
    }

    public synchronized void oldObject(OldObject object) {
        if (!accept()) return;
        if (oldObjects.size() >= MAX_OLD_OBJECTS) { dropped++; return; }
        oldObjects.add(object);
    }

    public synchronized void blockedCall(BlockedCall call) {
        if (!accept()) return;
        if (blockedCalls.size() >= MAX_BLOCKED_CALLS) { dropped++; return; }
        blockedCalls.add(call);
    }

    /** Levels sampled during the window, for its charts. */
    public synchronized void timelinePoint(Timeline.Point point) {
        if (!accept()) return;
        if (points.size() >= MAX_TIMELINE_POINTS) { dropped++; return; }
        points.add(point);
    }

    /** The MXBean part; samplers fill it in just before the window is built. */
    public synchronized JvmSample.Builder jvm() { return jvm; }

    /** Counts an event a collector saw but could not use (e.g. its handler failed). */
    public synchronized void dropped(long events) { dropped += events; }

    /** When the JFR stream feeding this window began recording; null when none ran. */
    public synchronized void jfrSince(Instant since) { jfrSince = since; }

    public synchronized long droppedSoFar() { return dropped; }

    private boolean accept() {
        if (closed) { dropped++; return false; }
        seen++;
        return true;
    }

    /** Closes the window; later evidence is counted as dropped. {@code history} is the earlier windows, oldest first. */
    public synchronized Window build(Instant end, List<JvmSample> history) {
        closed = true;
        // Full collections are known only from JFR: with no GC event at all, the count is unknown, not zero.
        jvm.heapAfterGc(heapAfterGc, heapAfterOldGc).codeCacheFullEvents(codeCacheFull).fullCollections(gcCount == 0 ? -1 : gcFullCount)
                .deoptimizations(deoptimizationCount).gcPauseMicros(gcPauseNanos / 1000).poolQueues(deepestQueues());
        GcActivity gc = new GcActivity(gcCount, gcOldCount, gcFullCount, Duration.ofNanos(gcPauseNanos), Duration.ofNanos(gcLongestNanos),
                gcLongestCollector, gcLongestCause, List.copyOf(collectors));
        List<BusyThread> busy = busyThreads.stream().sorted(Comparator.comparingLong(BusyThread::cpuMillis).reversed()).toList();
        return new Window(pid, start, end, cpuMillis.profile(), threadCpuMillis.profile(), allocationProfile(), gc,
                monitorContention(), socketEndpoints(), fileIo(), List.copyOf(blockedCalls), busy, exceptionsThrown, jitActivity(),
                List.copyOf(oldObjects), List.copyOf(pools), List.copyOf(threadGroups), List.copyOf(deadlocked), virtualPinning(),
                new TinyIo(tinyReads, tinyWrites, tinyBytes, tinySites.stream().sorted(Comparator.comparingLong(TinyIo.Site::calls).reversed()).toList()),
                hosts.stream().sorted(Comparator.comparing(HostLookups::resolvedTime).reversed()).toList(),
                openFiles.stream().sorted(Comparator.comparingLong(OpenFileSite::open).reversed()).toList(), Map.copyOf(descriptorKinds),
                lockWaitMicros.build(), new Timeline(List.copyOf(points), pauses.stream().sorted(Comparator.comparing(Timeline.Pause::time)).toList(), pausesLeftOut),
                jvm.build(end), List.copyOf(history), seen, dropped, jfrSince);
    }

    /** The deepest pool queues at the window's end (pools of one name summed), kept in the history for the run's chart. */
    private Map<String, Long> deepestQueues() {
        Map<String, Long> depth = new HashMap<>();
        for (ThreadPool p : pools) depth.merge(p.name(), Math.max(0, p.queued()), Long::sum);
        return Timeline.deepest(depth);
    }

    private JitActivity jitActivity() {
        List<JitActivity.Deoptimization> top = deoptimizations.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_SITES)
                .map(e -> new JitActivity.Deoptimization(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()[0]))
                .toList();
        return new JitActivity(deoptimizationCount, top, codeCacheFull, compilationFailures, List.copyOf(failureMessages));
    }

    private AllocationProfile allocationProfile() {
        if (allocationSamples == 0) return AllocationProfile.EMPTY;
        Map<List<String>, long[]> bySite = new HashMap<>();  // (site, type) -> bytes
        Map<List<String>, List<String>> stackOf = new HashMap<>();
        Map<List<String>, Long> stackBytes = new HashMap<>();
        CallTreeBuilder tree = new CallTreeBuilder();
        for (Map.Entry<AllocationKey, long[]> e : allocations.entrySet()) {
            AllocationKey k = e.getKey();
            tree.add(k.stack(), k.type(), e.getValue()[0]);
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
        return new AllocationProfile(allocationSamples, allocationBytes, top, tree.build());
    }

    /** Monitors and java.util.concurrent locks in one list, most blocked time first. */
    private List<MonitorContention> monitorContention() {
        List<MonitorContention> all = new ArrayList<>();
        for (Map.Entry<MonitorKey, MonitorAcc> e : monitors.entrySet()) all.add(e.getValue().toContention(e.getKey()));
        for (int i = 0; i < locks.size(); i++) {
            MonitorContention c = locks.get(i);
            Holder h = lockHolders.get(lockIds.get(i));
            all.add(h == null ? c : new MonitorContention(c.kind(), c.monitorClass(), c.site(), c.waits(), c.totalBlocked(), c.longest(),
                    c.threadCount(), c.threads(), c.longestWaiter(), h.thread(), c.stack(), h.stack()));
        }
        all.sort(Comparator.comparing(MonitorContention::totalBlocked).reversed());
        return all;
    }

    private List<VirtualPinning> virtualPinning() {
        return pinning.entrySet().stream()
                .map(e -> new VirtualPinning(e.getKey(), e.getValue().count, Duration.ofNanos(e.getValue().totalNanos),
                        Duration.ofNanos(e.getValue().longestNanos), e.getValue().thread, e.getValue().stack))
                .sorted(Comparator.comparing(VirtualPinning::total).reversed())
                .toList();
    }

    private List<SocketEndpoint> socketEndpoints() {
        return sockets.entrySet().stream()
                .map(e -> e.getValue().toEndpoint(e.getKey()))
                .sorted(Comparator.comparing(SocketEndpoint::totalTime).reversed())
                .toList();
    }

    private List<FileIo> fileIo() {
        return files.entrySet().stream()
                .map(e -> e.getValue().toFileIo(e.getKey()))
                .sorted(Comparator.comparing(FileIo::totalTime).reversed())
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
            return new MonitorContention(MonitorContention.MONITOR, key.monitorClass(), key.site(), waits, Duration.ofNanos(totalNanos),
                    Duration.ofNanos(longestNanos), threads.size(), threads.stream().limit(MAX_THREAD_NAMES).toList(), longestWaiter, owner,
                    stack, List.of());
        }
    }

    private static final class SocketAcc {
        long reads, bytes, totalNanos, longestNanos, untimed, longestUntimedNanos;
        long writes, bytesWritten, writeNanos, longestWriteNanos, slowestNanos;
        String untimedThread, slowestThread;
        List<String> untimedStack = List.of(), slowestStack = List.of();
        final Latencies latencies = new Latencies();

        void write(long nanos, long written, String thread, List<String> stack) {
            writes++;
            bytesWritten += Math.max(0, written);
            writeNanos += nanos;
            longestWriteNanos = Math.max(longestWriteNanos, nanos);
            slowest(nanos, thread, stack);
        }

        private void slowest(long nanos, String thread, List<String> stack) {
            latencies.add(nanos);
            if (nanos >= slowestNanos) { slowestNanos = nanos; slowestThread = thread; slowestStack = stack; }
        }

        void add(long nanos, long readBytes, long timeoutMillis, String thread, List<String> stack) {
            reads++;
            bytes += Math.max(0, readBytes);
            totalNanos += nanos;
            longestNanos = Math.max(longestNanos, nanos);
            slowest(nanos, thread, stack);
            if (timeoutMillis == 0) {
                untimed++;
                if (nanos >= longestUntimedNanos) { longestUntimedNanos = nanos; untimedThread = thread; untimedStack = stack; }
            }
        }

        SocketEndpoint toEndpoint(String peer) {
            return new SocketEndpoint(peer, reads, bytes, Duration.ofNanos(totalNanos), Duration.ofNanos(longestNanos),
                    untimed, Duration.ofNanos(longestUntimedNanos), untimedThread, untimedStack, writes, bytesWritten,
                    Duration.ofNanos(writeNanos), Duration.ofNanos(longestWriteNanos), slowestThread, slowestStack, latencies.counts());
        }
    }

    private static final class FileAcc {
        long reads, writes, forces, bytes, totalNanos, longestNanos;
        String slowestOperation, slowestThread;
        List<String> slowestStack = List.of();
        final Latencies latencies = new Latencies();

        void add(String operation, long nanos, long opBytes, String thread, List<String> stack) {
            switch (operation) {
                case "read" -> reads++;
                case "write" -> writes++;
                default -> forces++;
            }
            bytes += Math.max(0, opBytes);
            totalNanos += nanos;
            latencies.add(nanos);
            if (nanos >= longestNanos) { longestNanos = nanos; slowestOperation = operation; slowestThread = thread; slowestStack = stack; }
        }

        FileIo toFileIo(String path) {
            return new FileIo(path, reads, writes, forces, bytes, Duration.ofNanos(totalNanos), Duration.ofNanos(longestNanos),
                    slowestOperation, slowestThread, slowestStack, latencies.counts());
        }
    }
}
