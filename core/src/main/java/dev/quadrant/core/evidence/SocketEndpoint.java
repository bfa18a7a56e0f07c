package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * Completed socket reads and writes with one remote {@code host:port} that JFR recorded (those over its 20 ms
 * threshold): counts, bytes, time, the distribution, the slowest call's thread and stack, and among the reads the
 * ones made with no timeout.
 */
public record SocketEndpoint(String peer, long reads, long bytes, Duration totalTime, Duration longest,
                             long untimedReads, Duration longestUntimed, String untimedThread, List<String> untimedStack,
                             long writes, long bytesWritten, Duration writeTime, Duration longestWrite,
                             String slowestThread, List<String> slowestStack, List<Long> latencies) {
    public long operations() { return reads + writes; }

    public Duration blockedTime() { return totalTime.plus(writeTime); }
}
