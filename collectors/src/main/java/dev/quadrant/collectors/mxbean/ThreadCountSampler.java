package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Live, daemon and peak thread counts, and threads started during the window. */
public final class ThreadCountSampler implements Sampler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long lastStarted = -1;

    @Override public void sample(JvmSample.Builder jvm) {
        long started = threads.getTotalStartedThreadCount();
        jvm.threads(threads.getThreadCount(), threads.getDaemonThreadCount(), threads.getPeakThreadCount(), Sampler.delta(lastStarted, started));
        lastStarted = started;
    }
}
