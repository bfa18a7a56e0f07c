package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/** File reads, writes and forces (fsync) on one path that JFR recorded (those over 20 ms), with the slowest call. */
public record FileIo(String path, long reads, long writes, long forces, long bytes, Duration totalTime, Duration longest,
                     String slowestOperation, String slowestThread, List<String> slowestStack, List<Long> latencies) {
    public long operations() { return reads + writes + forces; }
}
