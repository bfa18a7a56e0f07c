package dev.quadrant.core;

import dev.quadrant.core.evidence.AllocationProfile;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BusyThread;
import dev.quadrant.core.evidence.CpuProfile;
import dev.quadrant.core.evidence.FileIo;
import dev.quadrant.core.evidence.GcActivity;
import dev.quadrant.core.evidence.JitActivity;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.MonitorContention;
import dev.quadrant.core.evidence.OldObject;
import dev.quadrant.core.evidence.SocketEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything seen during one report period, immutable; rules read only this. {@code cpu} is JFR's execution
 * samples; {@code threadCpu} weighs busy threads' stacks from thread dumps by their CPU time, for code JFR's
 * sampler cannot walk (on JDK 17 it misses threads in allocation-heavy compiled loops almost entirely).
 * {@code history} is the earlier windows' levels, oldest first, for the rules that judge a trend; {@code -1} figures
 * are unknown.
 */
public record Window(
        long pid,
        Instant start,
        Instant end,
        CpuProfile cpu,
        CpuProfile threadCpu,
        AllocationProfile allocations,
        GcActivity gc,
        List<MonitorContention> monitors,
        List<SocketEndpoint> sockets,
        List<FileIo> files,
        List<BlockedCall> blockedCalls,
        List<BusyThread> busyThreads,
        long exceptionsThrown,
        JitActivity jit,
        List<OldObject> oldObjects,
        JvmSample jvm,
        List<JvmSample> history,
        long eventsSeen,
        long eventsDropped) {

    public Duration duration() {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    public double seconds() { return duration().toNanos() / 1e9; }

    /** The earlier windows and this one, oldest first. */
    public List<JvmSample> series() {
        List<JvmSample> all = new java.util.ArrayList<>(history.size() + 1);
        all.addAll(history);
        all.add(jvm);
        return all;
    }

    /** Average number of cores the process used, or -1 when the JVM cannot tell. */
    public double processCores() {
        return jvm.processCpuNanos() < 0 ? -1 : jvm.processCpuNanos() / (double) duration().toNanos();
    }
}
