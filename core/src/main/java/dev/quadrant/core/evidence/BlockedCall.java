package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/** A thread seen in the same blocking call, without a timeout, in consecutive thread samples. */
public record BlockedCall(BlockingKind kind, String thread, Duration blockedFor, List<String> stack) {}
