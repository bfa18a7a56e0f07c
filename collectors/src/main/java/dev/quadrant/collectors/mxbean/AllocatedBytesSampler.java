package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ManagementFactory;

/** Heap bytes allocated by all threads over the window, exactly (JFR's allocation samples only estimate it). */
public final class AllocatedBytesSampler implements Sampler {
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        if (!(threads instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemoryEnabled()) return;
        long total = sun.getTotalThreadAllocatedBytes();
        if (last >= 0 && total >= 0) jvm.allocated(Sampler.delta(last, total));
        last = total;
    }
}
