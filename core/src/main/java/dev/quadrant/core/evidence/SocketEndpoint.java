package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * Completed socket reads to one remote {@code host:port} that JFR recorded (those over its threshold), and
 * among them the ones made with no timeout.
 */
public record SocketEndpoint(String peer, long reads, long bytes, Duration totalTime, Duration longest,
                             long untimedReads, Duration longestUntimed, String untimedThread, List<String> untimedStack) {}
