package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.Timeline;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Puts a point on the window's timeline: heap used, live threads, process and machine CPU load, pool queue depths.
 * A few getters, no safepoint: tens of microseconds a point.
 */
public final class TimelineSampler {
    static final int POINTS_PER_WINDOW = 120;
    static final Duration MIN_PERIOD = Duration.ofMillis(250);
    static final Duration MAX_PERIOD = Duration.ofSeconds(30);

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    /** About {@value #POINTS_PER_WINDOW} points a window, but never more often than 4 a second nor rarer than 2 a minute. */
    public static Duration period(Duration interval) {
        Duration p = interval.dividedBy(POINTS_PER_WINDOW);
        if (p.compareTo(MIN_PERIOD) < 0) return MIN_PERIOD;
        return p.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : p;
    }

    public void sample(WindowBuilder window, Instant now, Map<String, Long> poolQueues) {
        double process = -1, machine = -1;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            process = sun.getProcessCpuLoad();
            machine = sun.getCpuLoad();
        }
        window.timelinePoint(new Timeline.Point(now, memory.getHeapMemoryUsage().getUsed(), threads.getThreadCount(),
                process, machine, poolQueues));
    }
}
