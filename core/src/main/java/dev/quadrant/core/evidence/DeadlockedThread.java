package dev.quadrant.core.evidence;

import java.util.List;

/** One thread of a deadlock cycle: what it waits for, who holds that, what it holds itself, and where it is. */
public record DeadlockedThread(String thread, String state, String waitingFor, String heldBy, List<String> holds, List<String> stack) {}
