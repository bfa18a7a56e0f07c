package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/** Classes currently loaded, and how many were unloaded in the window. */
public final class ClassLoadingSampler implements Sampler {
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    private long lastUnloaded = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long unloaded = classes.getUnloadedClassCount();
        jvm.classes(classes.getLoadedClassCount(), Sampler.delta(lastUnloaded, unloaded));
        lastUnloaded = unloaded;
    }
}
