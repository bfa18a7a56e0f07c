package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * Look-ups of one host name in one window: all of them, those that went to the resolver (slower than 1 ms; the rest
 * came from the JDK's cache) with their total time, the slowest, and the failures.
 */
public record HostLookups(String host, long lookups, long resolved, Duration resolvedTime, Duration longest, long failures,
                          String failure, String slowestThread, List<String> stack) {
    public Duration meanResolution() { return resolved == 0 ? Duration.ZERO : resolvedTime.dividedBy(resolved); }
}
