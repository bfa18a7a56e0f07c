package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Direct and mapped buffer memory: off-heap memory the heap figures do not show. */
public final class BufferPoolSampler implements Sampler {
    private final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);

    @Override public void sample(JvmSample.Builder jvm) {
        long direct = -1, directCount = -1, mapped = -1;
        for (BufferPoolMXBean pool : pools) {
            if (pool.getName().equals("direct")) { direct = pool.getMemoryUsed(); directCount = pool.getCount(); }
            else if (pool.getName().equals("mapped")) mapped = pool.getMemoryUsed();
        }
        jvm.buffers(direct, directCount, mapped);
    }
}
