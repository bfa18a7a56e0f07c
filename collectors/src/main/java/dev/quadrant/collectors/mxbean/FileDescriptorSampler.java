package dev.quadrant.collectors.mxbean;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.quadrant.core.evidence.JvmSample;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** Open file descriptors against the process limit (Unix only). */
public final class FileDescriptorSampler implements Sampler {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    @Override public void sample(JvmSample.Builder jvm) {
        if (os instanceof UnixOperatingSystemMXBean unix) jvm.fileDescriptors(unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount());
    }
}
