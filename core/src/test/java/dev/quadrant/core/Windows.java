package dev.quadrant.core;

import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
import dev.quadrant.core.evidence.BusyThread;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.OldObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic windows for rule tests, built through the real {@link WindowBuilder}. */
public final class Windows {
    public static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    public static final long PID = 4242;

    private final WindowBuilder builder;
    private final Duration length;
    private List<JvmSample> history = new ArrayList<>();

    private Windows(Duration length) {
        this.builder = new WindowBuilder(PID, T0);
        this.length = length;
    }

    public static Windows of(Duration length) { return new Windows(length); }

    public static List<String> stack(String... frames) { return List.of(frames); }

    /** JFR execution samples at the collector's 20 ms period. */
    public Windows cpu(List<String> stack, int samples) {
        for (int i = 0; i < samples; i++) builder.cpu().jfrSample(stack, 20);
        return this;
    }

    public Windows threadCpu(List<String> stack, long cpuMillis) { builder.cpu().threadDumpSample(stack, cpuMillis, 1); return this; }
    public Windows threadCpu(List<String> stack, long cpuMillis, long dumps) { builder.cpu().threadDumpSample(stack, cpuMillis, dumps); return this; }

    /** Process CPU as average cores over the window. */
    public Windows processCores(double cores) {
        builder.jvm().cpu((long) (cores * length.toNanos()), -1, -1, 2);
        return this;
    }

    public Windows allocated(long bytes) { builder.jvm().allocated(bytes); return this; }

    /** JFR delivering events since {@code since}: before the window means the window is covered. */
    public Windows jfrSince(Instant since) { builder.jfrSince(since); return this; }

    public Windows allocation(String type, long bytes, List<String> stack) { builder.memory().allocationSample(type, bytes, stack); return this; }

    /** Pauses are JFR's events: the window is one JFR recorded. */
    public Windows gcPauses(int count, Duration each) {
        builder.jfrSince(T0);
        for (int i = 0; i < count; i++) builder.memory().gc("G1New", "G1 Evacuation Pause", each, each, -1);
        return this;
    }

    public Windows gc(String collector, String cause, Duration pause, long heapAfterBytes) {
        builder.jfrSince(T0);
        builder.memory().gc(collector, cause, pause, pause, heapAfterBytes);
        return this;
    }

    public Windows exceptions(long count) { builder.cpu().exceptionsThrown(count); return this; }

    public Windows deoptimizations(String method, String reason, int count) {
        for (int i = 0; i < count; i++) builder.cpu().deoptimization(method, reason, "reinterpret");
        return this;
    }

    public Windows codeCacheFull() { builder.cpu().codeCacheFull(); return this; }

    public Windows busyThread(String name, long cpuMillis, Duration busyFor, List<String> stack) {
        builder.cpu().busyThread(new BusyThread(name, cpuMillis, busyFor, "RUNNABLE", stack));
        return this;
    }

    public Windows oldObject(String type, Duration age, List<String> stack) {
        builder.memory().oldObject(new OldObject(type, age, -1, stack));
        return this;
    }

    /** The builder itself, for evidence no shortcut here adds. */
    public WindowBuilder builder() { return builder; }

    /** The MXBean part of this window, to set levels directly. */
    public JvmSample.Builder jvm() { return builder.jvm(); }

    /** Earlier windows' levels, oldest first; see {@link #series}. */
    public Windows history(List<JvmSample> earlier) { this.history = new ArrayList<>(earlier); return this; }

    /**
     * {@code count} earlier windows of this window's length ending where this one starts, each filled by {@code fill}
     * with its index (0 = oldest).
     */
    public static List<JvmSample> series(int count, Duration each, java.util.function.BiConsumer<Integer, JvmSample.Builder> fill) {
        List<JvmSample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JvmSample.Builder b = new JvmSample.Builder();
            fill.accept(i, b);
            out.add(b.build(T0.minus(each.multipliedBy(count - 1 - i))));
        }
        return out;
    }

    /** Waits spread over four threads. */
    public Windows monitorWaits(String monitorClass, int waits, Duration each, List<String> stack) {
        return monitorWaits(monitorClass, 4, waits, each, stack);
    }

    public Windows monitorWaits(String monitorClass, int threads, int waits, Duration each, List<String> stack) {
        for (int i = 0; i < waits; i++) builder.threads().monitorWait(monitorClass, i % threads, "worker-" + (i % threads), "worker-owner", each, stack);
        return this;
    }

    public Windows socketRead(String peer, Duration took, long timeoutMillis, List<String> stack) {
        builder.io().socketRead(peer, took, 10, timeoutMillis, "client-1", stack);
        return this;
    }

    public Windows socketWrite(String peer, Duration took, List<String> stack) {
        builder.io().socketWrite(peer, took, 65536, "uploader-1", stack);
        return this;
    }

    public Windows fileIo(String path, String operation, Duration took, long bytes, List<String> stack) {
        builder.io().fileIo(path, operation, took, bytes, "importer-1", stack);
        return this;
    }

    public Windows blocked(BlockingKind kind, String thread, Duration blockedFor, List<String> stack) {
        builder.threads().blockedCall(new BlockedCall(kind, thread, blockedFor, stack));
        return this;
    }

    public Windows pool(dev.quadrant.core.evidence.ThreadPool pool) { builder.threads().pool(pool); return this; }

    public Windows liveThreads(dev.quadrant.core.evidence.LiveThreads group) { builder.threads().liveThreads(group); return this; }

    public Windows deadlocked(dev.quadrant.core.evidence.DeadlockedThread thread) { builder.threads().deadlocked(thread); return this; }

    public Windows pinned(int count, Duration each, List<String> stack) {
        for (int i = 0; i < count; i++) builder.threads().virtualPinned(each, "", stack);
        return this;
    }

    public Windows lockWaits(String lockClass, int identity, long waits, Duration total, int threads, List<String> stack) {
        builder.threads().lockWaits(lockClass, identity, waits, total, total.dividedBy(Math.max(1, waits)).multipliedBy(3), threads,
                List.of("worker-1"), "worker-1", stack);
        return this;
    }

    public Windows tinyFileCalls(long reads, long writes, long bytes) { builder.io().tinyFileCalls(reads, writes, bytes); return this; }

    public Windows tinyFileSite(dev.quadrant.core.evidence.TinyIo.Site site) { builder.io().tinyFileSite(site); return this; }

    public Windows hostLookups(dev.quadrant.core.evidence.HostLookups lookups) { builder.io().hostLookups(lookups); return this; }

    public Windows lockHolder(int identity, String thread, List<String> stack) { builder.threads().lockHolder(identity, thread, stack); return this; }

    public Window build() { return builder.build(T0.plus(length), history); }
}
