package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Process CPU time over the window and the process and machine CPU load. */
public final class CpuSampler implements Sampler {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private long lastCpuNanos = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long cpu = sun.getProcessCpuTime();
            jvm.cpu(lastCpuNanos < 0 ? -1 : Sampler.delta(lastCpuNanos, cpu), sun.getProcessCpuLoad(), sun.getCpuLoad(), os.getAvailableProcessors());
            lastCpuNanos = cpu;
        } else {
            jvm.cpu(-1, -1, -1, os.getAvailableProcessors());
        }
    }
}
