package dev.quadrant.collectors.mxbean;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Direct and mapped buffer memory: off-heap memory the heap figures do not show; and the limit direct memory may reach. */
public final class BufferPoolSampler implements Sampler {
    private final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final long directLimit = directLimit();

    @Override public void sample(JvmSample.Builder jvm) {
        long direct = -1, directCount = -1, mapped = -1;
        for (BufferPoolMXBean pool : pools) {
            if (pool.getName().equals("direct")) { direct = pool.getMemoryUsed(); directCount = pool.getCount(); }
            else if (pool.getName().equals("mapped")) mapped = pool.getMemoryUsed();
        }
        jvm.buffers(direct, directCount, mapped, directLimit);
    }

    /** -XX:MaxDirectMemorySize, whose default (0) means the maximum heap size. */
    static long directLimit() {
        try {
            HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long set = hs == null ? -1 : Long.parseLong(hs.getVMOption("MaxDirectMemorySize").getValue());
            if (set > 0) return set;
            long heap = Runtime.getRuntime().maxMemory();
            return heap == Long.MAX_VALUE ? -1 : heap;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
