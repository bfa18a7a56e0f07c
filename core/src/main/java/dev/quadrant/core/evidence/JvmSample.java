package dev.quadrant.core.evidence;

import java.time.Instant;

/**
 * The levels of one window (at its end) and its deltas, from MXBeans and the window's GCs: what trend rules keep
 * in their history. {@code -1} means "not available on this JVM", which rules treat as no data.
 * {@code heapAfterGcBytes} is the lowest heap used right after any collection of the window; {@code heapAfterOldGcBytes}
 * the lowest right after a collection that also cleaned the old generation (the live-set figure a leak shows in).
 * {@code poolQueues} is the deepest thread-pool queues at the window's end, by pool name (for the report's charts).
 */
public record JvmSample(
        Instant time,
        long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes,
        long gcCount, long gcTimeMillis,
        int threadCount, int daemonThreadCount, int peakThreadCount, long threadsStarted,
        long processCpuNanos, double processCpuLoad, double machineCpuLoad, int availableProcessors,
        long openFileDescriptors, long maxFileDescriptors,
        long directBufferBytes, long directBufferCount, long mappedBufferBytes, long directBufferMaxBytes,
        long loadedClasses, long unloadedClasses, long allocatedBytes,
        long heapAfterGcBytes, long heapAfterOldGcBytes,
        long metaspaceUsedBytes, long metaspaceMaxBytes,
        long pendingFinalization,
        long codeCacheUsedBytes, long codeCacheMaxBytes, long compilationMillis, long codeCacheFullEvents,
        long fullCollections, long deoptimizations, long gcPauseMicros,
        long classLoads, long uptimeMillis,
        java.util.Map<String, Long> poolQueues) {

    public static final JvmSample EMPTY = new Builder().build(Instant.EPOCH);

    /** Filled field by field by the samplers; every field starts as unknown. */
    public static final class Builder {
        long heapUsed = -1, heapCommitted = -1, heapMax = -1, gcCount = -1, gcTime = -1, threadsStarted = -1;
        int threads = -1, daemons = -1, peak = -1, processors = -1;
        long processCpuNanos = -1;
        double processLoad = -1, machineLoad = -1;
        long openFds = -1, maxFds = -1, direct = -1, directCount = -1, mapped = -1, directMax = -1;
        long classes = -1, unloaded = -1, allocated = -1;
        long heapAfterGc = -1, heapAfterOldGc = -1, metaspaceUsed = -1, metaspaceMax = -1, pendingFinalization = -1;
        long codeCacheUsed = -1, codeCacheMax = -1, compilationMillis = -1, codeCacheFull = -1, fullCollections = -1, deoptimizations = -1, gcPauseMicros = -1;
        long classLoads = -1, uptimeMillis = -1;
        long beanPauseMicros = -1;  // not a field of the sample: the pause figure of a window JFR did not record whole
        java.util.Map<String, Long> poolQueues = java.util.Map.of();

        public Builder heap(long used, long committed, long max) { heapUsed = used; heapCommitted = committed; heapMax = max; return this; }
        public Builder gc(long countDelta, long timeMillisDelta) { gcCount = countDelta; gcTime = timeMillisDelta; return this; }
        public Builder threads(int live, int daemon, int peakLive, long startedDelta) { threads = live; daemons = daemon; peak = peakLive; threadsStarted = startedDelta; return this; }
        public Builder cpu(long processCpuNanosDelta, double processCpuLoad, double machineCpuLoad, int availableProcessors) {
            processCpuNanos = processCpuNanosDelta; processLoad = processCpuLoad; machineLoad = machineCpuLoad; processors = availableProcessors; return this;
        }
        public Builder fileDescriptors(long open, long max) { openFds = open; maxFds = max; return this; }
        public Builder buffers(long directBytes, long directBuffers, long mappedBytes, long directMaxBytes) {
            direct = directBytes; directCount = directBuffers; mapped = mappedBytes; directMax = directMaxBytes; return this;
        }
        public Builder classes(long loaded, long unloadedDelta) { classes = loaded; unloaded = unloadedDelta; return this; }
        /** Classes loaded in the window (every load counts, including those unloaded since). */
        public Builder classLoads(long loadsDelta) { classLoads = loadsDelta; return this; }
        public Builder uptime(long millis) { uptimeMillis = millis; return this; }
        public Builder allocated(long bytesDelta) { allocated = bytesDelta; return this; }
        public Builder heapAfterGc(long anyGc, long oldGc) { heapAfterGc = anyGc; heapAfterOldGc = oldGc; return this; }
        public Builder metaspace(long used, long max) { metaspaceUsed = used; metaspaceMax = max; return this; }
        public Builder pendingFinalization(long count) { pendingFinalization = count; return this; }
        public Builder codeCache(long used, long max, long compilationMillisDelta) {
            codeCacheUsed = used; codeCacheMax = max; compilationMillis = compilationMillisDelta; return this;
        }

        public Builder codeCacheFullEvents(long count) { codeCacheFull = count; return this; }
        public Builder fullCollections(long count) { fullCollections = count; return this; }
        public Builder deoptimizations(long count) { deoptimizations = count; return this; }
        public Builder gcPauseMicros(long micros) { gcPauseMicros = micros; return this; }
        /** Stop-the-world time the collectors' pause beans counted in the window (milliseconds' resolution). */
        public Builder beanPauseMicros(long micros) { beanPauseMicros = micros; return this; }
        /** JFR did not record the window whole: its pauses are the beans' figure, or unknown without one. */
        public Builder pausesFromBeans() { gcPauseMicros = beanPauseMicros; return this; }
        public Builder poolQueues(java.util.Map<String, Long> queues) { poolQueues = java.util.Map.copyOf(queues); return this; }

        public JvmSample build(Instant time) {
            return new JvmSample(time, heapUsed, heapCommitted, heapMax, gcCount, gcTime, threads, daemons, peak, threadsStarted,
                    processCpuNanos, processLoad, machineLoad, processors, openFds, maxFds, direct, directCount, mapped, directMax,
                    classes, unloaded, allocated, heapAfterGc, heapAfterOldGc, metaspaceUsed, metaspaceMax, pendingFinalization,
                    codeCacheUsed, codeCacheMax, compilationMillis, codeCacheFull, fullCollections, deoptimizations, gcPauseMicros,
                    classLoads, uptimeMillis, poolQueues);
        }
    }
}
