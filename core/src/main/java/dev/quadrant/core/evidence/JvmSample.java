package dev.quadrant.core.evidence;

import java.time.Instant;

/**
 * The MXBean figures of one window: levels at its end and deltas over it. {@code -1} means "not available on
 * this JVM", which rules treat as no data.
 */
public record JvmSample(
        Instant time,
        long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes,
        long gcCount, long gcTimeMillis,
        int threadCount, int daemonThreadCount, int peakThreadCount, long threadsStarted,
        long processCpuNanos, double processCpuLoad, double machineCpuLoad, int availableProcessors,
        long openFileDescriptors, long maxFileDescriptors,
        long directBufferBytes, long directBufferCount, long mappedBufferBytes,
        long loadedClasses, long allocatedBytes) {

    public static final JvmSample EMPTY = new Builder().build(Instant.EPOCH);

    /** Filled field by field by the samplers; every field starts as unknown. */
    public static final class Builder {
        long heapUsed = -1, heapCommitted = -1, heapMax = -1, gcCount = -1, gcTime = -1, threadsStarted = -1;
        int threads = -1, daemons = -1, peak = -1, processors = -1;
        long processCpuNanos = -1;
        double processLoad = -1, machineLoad = -1;
        long openFds = -1, maxFds = -1, direct = -1, directCount = -1, mapped = -1, classes = -1, allocated = -1;

        public Builder heap(long used, long committed, long max) { heapUsed = used; heapCommitted = committed; heapMax = max; return this; }
        public Builder gc(long countDelta, long timeMillisDelta) { gcCount = countDelta; gcTime = timeMillisDelta; return this; }
        public Builder threads(int live, int daemon, int peakLive, long startedDelta) { threads = live; daemons = daemon; peak = peakLive; threadsStarted = startedDelta; return this; }
        public Builder cpu(long processCpuNanosDelta, double processCpuLoad, double machineCpuLoad, int availableProcessors) {
            processCpuNanos = processCpuNanosDelta; processLoad = processCpuLoad; machineLoad = machineCpuLoad; processors = availableProcessors; return this;
        }
        public Builder fileDescriptors(long open, long max) { openFds = open; maxFds = max; return this; }
        public Builder buffers(long directBytes, long directBuffers, long mappedBytes) { direct = directBytes; directCount = directBuffers; mapped = mappedBytes; return this; }
        public Builder classes(long loaded) { classes = loaded; return this; }
        public Builder allocated(long bytesDelta) { allocated = bytesDelta; return this; }

        public JvmSample build(Instant time) {
            return new JvmSample(time, heapUsed, heapCommitted, heapMax, gcCount, gcTime, threads, daemons, peak, threadsStarted,
                    processCpuNanos, processLoad, machineLoad, processors, openFds, maxFds, direct, directCount, mapped, classes, allocated);
        }
    }
}
