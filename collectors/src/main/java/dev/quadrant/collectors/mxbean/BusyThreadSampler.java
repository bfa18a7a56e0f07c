package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.collectors.Collector;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BusyThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every thread's CPU time once per window (no safepoint; see {@link ThreadSnapshots}), so a thread that burns a core is seen however
 * short its stack samples are; the stacks of the few busiest are read at the end of the window. Remembers since when
 * each thread has been busy, across windows.
 */
public final class BusyThreadSampler implements Collector {
    static final double REPORTED_SHARE = 0.5;   // threads above half a core are listed
    static final double BUSY_SHARE = 0.75;      // above this a thread counts as continuously busy
    static final int MAX_REPORTED = 8;
    static final int MAX_DEPTH = 48;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<Long, Instant> busySince = new HashMap<>();
    private Instant lastTime;
    private long lastPauseNanos;

    @Override public String name() { return "busy thread sampler"; }

    /** A thread's CPU share is its CPU time since the last sample. */
    @Override public boolean countsChanges() { return true; }

    /** Reading the busiest threads' stacks stops the JVM briefly; the whole sample is counted, as its upper bound. */
    @Override public long lastPauseNanos() { return lastPauseNanos; }

    @Override public void sample(WindowBuilder window, Tick tick) {
        long started = System.nanoTime();
        try {
            sample(window, tick.now());
        } finally {
            lastPauseNanos = System.nanoTime() - started;
        }
    }

    public synchronized void sample(WindowBuilder window, Instant now) {
        if (!(threads instanceof com.sun.management.ThreadMXBean sun) || !threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) return;
        long[] ids = threads.getAllThreadIds();
        long[] cpu = ThreadSnapshots.cpuTimes(sun, ids);
        Map<Long, Long> cpuNow = new HashMap<>(ids.length * 2);
        List<long[]> busy = new ArrayList<>();  // {id, cpu nanos}
        double elapsedNanos = lastTime == null ? 0 : Duration.between(lastTime, now).toNanos();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] < 0) continue;
            cpuNow.put(ids[i], cpu[i]);
            Long before = lastCpu.get(ids[i]);
            if (before == null || elapsedNanos <= 0) continue;
            long used = cpu[i] - before;
            double share = used / elapsedNanos;
            if (share >= BUSY_SHARE) busySince.putIfAbsent(ids[i], lastTime);
            else busySince.remove(ids[i]);
            if (share >= REPORTED_SHARE) busy.add(new long[] {ids[i], used});
        }
        busySince.keySet().retainAll(cpuNow.keySet());
        lastCpu = cpuNow;
        lastTime = now;
        if (busy.isEmpty()) return;
        busy.sort((a, b) -> Long.compare(b[1], a[1]));
        if (busy.size() > MAX_REPORTED) busy = busy.subList(0, MAX_REPORTED);
        long[] busyIds = busy.stream().mapToLong(b -> b[0]).toArray();
        ThreadInfo[] infos = ThreadSnapshots.stacks(threads, busyIds, MAX_DEPTH);
        for (int i = 0; i < infos.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null || info.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) continue;
            Instant since = busySince.get(busyIds[i]);
            window.cpu().busyThread(new BusyThread(info.getThreadName(), busy.get(i)[1] / 1_000_000,
                    since == null ? Duration.ZERO : Duration.between(since, now), info.getThreadState().name(),
                    StackFrames.of(info.getStackTrace(), MAX_DEPTH)));
        }
    }
}
