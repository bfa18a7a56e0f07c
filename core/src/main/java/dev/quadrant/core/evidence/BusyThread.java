package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * A thread and the CPU it used in the window; {@code busyFor} is how long it has been using most of a core without a
 * break (across windows), with its stack at the window's end.
 */
public record BusyThread(String name, long cpuMillis, Duration busyFor, String state, List<String> stack) {}
