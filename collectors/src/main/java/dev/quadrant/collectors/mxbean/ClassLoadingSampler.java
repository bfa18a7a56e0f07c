package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;

/** Classes currently loaded, how many were loaded and unloaded in the window, and the JVM's uptime (start-up is judged by them). */
public final class ClassLoadingSampler implements Sampler {
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private long lastUnloaded = -1, lastLoads = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long unloaded = classes.getUnloadedClassCount(), loads = classes.getTotalLoadedClassCount();
        jvm.classes(classes.getLoadedClassCount(), Sampler.delta(lastUnloaded, unloaded));
        jvm.classLoads(Sampler.delta(lastLoads, loads));
        jvm.uptime(runtime.getUptime());
        lastUnloaded = unloaded;
        lastLoads = loads;
    }
}
