package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Collections and collector time over the window, summed over every collector bean. */
public final class GcSampler implements Sampler {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long lastCount = -1, lastTime = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long count = 0, time = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        jvm.gc(Sampler.delta(lastCount, count), Sampler.delta(lastTime, time));
        lastCount = count;
        lastTime = time;
    }
}
