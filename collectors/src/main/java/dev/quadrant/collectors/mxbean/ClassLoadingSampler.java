package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/** Classes currently loaded. */
public final class ClassLoadingSampler implements Sampler {
    private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();

    @Override public void sample(JvmSample.Builder jvm) { jvm.classes(classes.getLoadedClassCount()); }
}
