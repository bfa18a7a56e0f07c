package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * An event-loop thread (Netty, and Vert.x, Reactor Netty, gRPC on it) seen away from its selector for {@code stalled}
 * at one place: every connection the loop serves waited that long. {@code ongoing}: still there at the window's end.
 * {@code state} is the thread's state when last seen (WAITING, TIMED_WAITING, BLOCKED, or RUNNABLE for CPU work or a read).
 */
public record EventLoopStall(String thread, Duration stalled, boolean ongoing, String state, List<String> stack) {}
