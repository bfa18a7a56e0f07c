package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

/** Heap used, committed and maximum at the window's end. */
public final class HeapSampler implements Sampler {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Override public void sample(JvmSample.Builder jvm) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        jvm.heap(heap.getUsed(), heap.getCommitted(), heap.getMax());
    }
}
