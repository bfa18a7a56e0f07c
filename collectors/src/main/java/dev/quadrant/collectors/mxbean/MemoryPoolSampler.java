package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The non-heap pools: metaspace (class metadata) and the code cache (compiled code, one pool or three segments),
 * the JIT's compilation time, and objects waiting for finalization.
 */
public final class MemoryPoolSampler implements Sampler {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long lastCompilationMillis = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long metaUsed = -1, metaMax = -1, codeUsed = 0, codeMax = 0;
        boolean code = false;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage u = pool.getUsage();
            if (u == null) continue;
            String name = pool.getName();
            if (name.equals("Metaspace")) { metaUsed = u.getUsed(); metaMax = u.getMax(); }
            else if (name.equals("CodeCache") || name.startsWith("CodeHeap")) {
                code = true;
                codeUsed += u.getUsed();
                codeMax += Math.max(0, u.getMax());
            }
        }
        jvm.metaspace(metaUsed, metaMax);
        long compilation = compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : -1;
        jvm.codeCache(code ? codeUsed : -1, code && codeMax > 0 ? codeMax : -1, compilation < 0 ? -1 : Sampler.delta(lastCompilationMillis, compilation));
        lastCompilationMillis = compilation;
        jvm.pendingFinalization(memory.getObjectPendingFinalizationCount());
    }
}
