package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/** Virtual threads that blocked while pinned to their carrier, at one site, in one window. */
public record VirtualPinning(String site, long count, Duration total, Duration longest, String thread, List<String> stack) {}
