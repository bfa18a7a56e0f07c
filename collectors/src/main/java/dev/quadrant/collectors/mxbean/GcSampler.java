package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Collections and collector time over the window, summed over every collector bean; and the time of the beans that
 * count stop-the-world pauses only, which stands in for JFR's pause events in a window JFR did not record.
 */
public final class GcSampler implements Sampler {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long lastCount = -1, lastTime = -1, lastPauseTime = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long count = 0, time = 0, pauseTime = -1;  // -1: no bean counts pauses alone (ZGC before its pause beans)
        for (GarbageCollectorMXBean gc : collectors) {
            count += Math.max(0, gc.getCollectionCount());
            long t = Math.max(0, gc.getCollectionTime());
            time += t;
            if (countsPausesOnly(gc.getName())) pauseTime = Math.max(0, pauseTime) + t;
        }
        jvm.gc(Sampler.delta(lastCount, count), Sampler.delta(lastTime, time));
        long pauses = Sampler.delta(lastPauseTime, pauseTime);
        jvm.beanPauseMicros(pauses < 0 ? -1 : pauses * 1000);
        lastCount = count;
        lastTime = time;
        lastPauseTime = pauseTime;
    }

    /**
     * ZGC's and Shenandoah's "Cycles" beans count concurrent work, and G1's "Concurrent GC" bean (JDK 20+) is left out too,
     * so that the figure never counts more than the pauses; the young, old and "Pauses" beans count pauses.
     */
    static boolean countsPausesOnly(String bean) {
        return !(bean.contains("Cycles") || bean.contains("Concurrent"));
    }
}
