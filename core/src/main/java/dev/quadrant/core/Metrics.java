package dev.quadrant.core;

import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.SocketEndpoint;
import dev.quadrant.core.evidence.ThreadPool;
import java.util.LinkedHashMap;
import java.util.Map;

/** The window's key figures per dimension, for the report's {@code metrics} part; unknown figures are left out. */
public final class Metrics {
    private Metrics() {}

    public static Map<String, Map<String, Object>> of(Window w) {
        JvmSample j = w.jvm();
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();

        Map<String, Object> cpu = new LinkedHashMap<>();
        put(cpu, "processCpuCores", w.processCores() < 0 ? -1 : Units.round(w.processCores(), 3));
        put(cpu, "processCpuLoad", j.processCpuLoad() < 0 ? -1 : Units.round(j.processCpuLoad(), 3));
        put(cpu, "machineCpuLoad", j.machineCpuLoad() < 0 ? -1 : Units.round(j.machineCpuLoad(), 3));
        put(cpu, "availableProcessors", j.availableProcessors());
        cpu.put("jfrProfiledCpuMs", w.cpu().jfr().cpuMillis());
        cpu.put("threadDumpProfiledCpuMs", w.cpu().threadDumps().cpuMillis());
        all.put(Dimension.CPU.name(), cpu);

        Map<String, Object> mem = new LinkedHashMap<>();
        put(mem, "heapUsedBytes", j.heapUsedBytes());
        put(mem, "heapCommittedBytes", j.heapCommittedBytes());
        put(mem, "heapMaxBytes", j.heapMaxBytes());
        put(mem, "allocatedBytes", j.allocatedBytes());
        if (j.allocatedBytes() >= 0) mem.put("allocationRateBytesPerSecond", Math.round(j.allocatedBytes() / w.seconds()));
        put(mem, "gcCount", j.gcCount());
        put(mem, "gcTimeMs", j.gcTimeMillis());
        mem.put("gcPauses", w.memory().gc().collections());
        mem.put("gcPauseTotalMs", Units.round(w.memory().gc().totalPause().toNanos() / 1e6, 1));
        mem.put("gcPauseLongestMs", Units.round(w.memory().gc().longestPause().toNanos() / 1e6, 1));
        put(mem, "directBufferBytes", j.directBufferBytes());
        put(mem, "mappedBufferBytes", j.mappedBufferBytes());
        put(mem, "loadedClasses", j.loadedClasses());
        all.put(Dimension.MEMORY.name(), mem);

        Map<String, Object> threads = new LinkedHashMap<>();
        put(threads, "threadCount", j.threadCount());
        put(threads, "daemonThreadCount", j.daemonThreadCount());
        put(threads, "peakThreadCount", j.peakThreadCount());
        put(threads, "threadsStarted", j.threadsStarted());
        threads.put("contendedMonitors", w.threads().monitors().size());
        threads.put("monitorBlockedMs", w.threads().monitors().stream().mapToLong(m -> m.totalBlocked().toMillis()).sum());
        threads.put("deadlockedThreads", w.threads().deadlocked().size());
        threads.put("untimedWaits", w.threads().blockedCalls().stream().filter(c -> c.kind().isWait()).count());
        threads.put("virtualPinnedMs", w.threads().pinning().stream().mapToLong(p -> p.total().toMillis()).sum());
        threads.put("pools", w.threads().pools().stream().limit(MAX_POOLS).map(Metrics::pool).toList());
        all.put(Dimension.THREADS.name(), threads);

        Map<String, Object> io = new LinkedHashMap<>();
        put(io, "openFileDescriptors", j.openFileDescriptors());
        put(io, "maxFileDescriptors", j.maxFileDescriptors());
        io.put("slowSocketReads", w.io().sockets().stream().mapToLong(SocketEndpoint::reads).sum());
        io.put("slowSocketWrites", w.io().sockets().stream().mapToLong(SocketEndpoint::writes).sum());
        io.put("slowFileOperations", w.io().files().stream().mapToLong(f -> f.operations()).sum());
        io.put("socketPeers", w.io().sockets().size());
        io.put("blockedCalls", w.threads().blockedCalls().size());
        all.put(Dimension.IO.name(), io);
        return all;
    }

    static final int MAX_POOLS = 32;

    /** A pool's figures for dashboards: sizes, queue, throughput, rejections, sampled queue wait. */
    private static Map<String, Object> pool(ThreadPool p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("active", p.active());
        m.put("maxSize", p.maxSize());
        m.put("queued", p.queued());
        m.put("completed", p.completed());
        m.put("rejected", p.rejected());
        m.put("meanQueueWaitMs", p.meanWait().toMillis());
        return m;
    }

    private static void put(Map<String, Object> m, String key, double value) {
        if (value >= 0) m.put(key, value);
    }

    private static void put(Map<String, Object> m, String key, long value) {
        if (value >= 0) m.put(key, value);
    }
}
