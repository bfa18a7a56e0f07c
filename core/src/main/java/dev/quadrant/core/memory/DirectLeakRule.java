package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Growth;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.Optional;

/**
 * Direct buffer memory keeps growing. It lives outside the heap, so heap figures stay calm while the process grows
 * until the buffer limit throws OutOfMemoryError ("Direct buffer memory") or the container is killed.
 */
public final class DirectLeakRule implements Rule {
    static final double MIN_GROWTH_SHARE = 0.02;
    static final long MIN_GROWTH_BYTES = 8L << 20;  // pools of a few MiB that fill once are normal (Netty, NIO)

    static final RuleInfo INFO = new RuleInfo("Direct buffer memory keeps growing",
            "Memory of direct ByteBuffers (off the heap) rises window over window: buffers allocated and kept, or pooled without"
                    + " bound, or released only when a GC happens to collect their small heap objects.",
            "At least 5 windows over 20 s, r² >= 0.6, not slowing down, growth >= 2% of the limit and >= 8 MiB; scored by the time"
                    + " until -XX:MaxDirectMemorySize (default: the maximum heap) is reached: a day warning, an hour critical.",
            "Release buffers you own (pool them with a bound, or free them explicitly in Netty), and cap the total with"
                    + " -XX:MaxDirectMemorySize so a leak fails fast instead of growing the process.",
            "jcmd <pid> VM.native_memory summary (start with -XX:NativeMemoryTracking=summary): the 'Other' / NIO line grows");

    @Override public String id() { return "memory.direct-leak"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Trend trend = Trend.of(window.series(), JvmSample::directBufferBytes);
        long limit = window.jvm().directBufferMaxBytes();
        double minGrowth = Math.max(MIN_GROWTH_BYTES, limit > 0 ? MIN_GROWTH_SHARE * limit : 0);
        if (!Growth.steady(trend) || trend.growth() < minGrowth) return Optional.empty();
        double secondsLeft = limit > 0 ? trend.secondsUntil(limit) : Double.POSITIVE_INFINITY;
        int score = limit > 0 ? Math.max(1, Growth.scoreByTimeLeft(secondsLeft)) : Score.INFO_CAP;
        return Optional.of(Finding.of(this, score)
                .title("Direct buffer memory grows " + Growth.bytesPerMinute(trend) + " to " + Units.bytes(trend.last())
                        + (limit > 0 ? ": limit reached " + Growth.timeLeft(secondsLeft) : ""))
                .detail("Direct buffers rose from " + Units.bytes(trend.first()) + " to " + Units.bytes(trend.last()) + " over " + trend.points()
                        + " windows (" + Math.round(trend.spanSeconds()) + " s, r² " + Units.decimal(trend.r2()) + "); limit "
                        + (limit > 0 ? Units.bytes(limit) : "unknown") + ", " + window.jvm().directBufferCount() + " buffers now.")
                .evidence("trend", Growth.evidence(trend))
                .evidence("directBufferCount", window.jvm().directBufferCount())
                .evidence("limitBytes", limit > 0 ? limit : null)
                .evidence("secondsUntilLimit", Double.isInfinite(secondsLeft) ? null : Math.round(secondsLeft))
                .recommendation("Find who allocates direct buffers and keeps them (ByteBuffer.allocateDirect outside a bounded pool, buffers"
                        + " stored in a map, Netty buffers never released); release or pool them with a bound, and set -XX:MaxDirectMemorySize.")
                .verify("Start with -XX:NativeMemoryTracking=summary, then jcmd " + window.pid() + " VM.native_memory summary twice: the growing section;"
                        + " jcmd " + window.pid() + " GC.heap_dump and count java.nio.DirectByteBuffer")
                .build());
    }
}
