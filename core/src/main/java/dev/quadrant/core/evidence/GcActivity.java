package dev.quadrant.core.evidence;

import java.time.Duration;

/** The window's garbage collections as JFR saw them: count and pause time. */
public record GcActivity(long collections, Duration totalPause, Duration longestPause) {
    public static final GcActivity EMPTY = new GcActivity(0, Duration.ZERO, Duration.ZERO);
}
