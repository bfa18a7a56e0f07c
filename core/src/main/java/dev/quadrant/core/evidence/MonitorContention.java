package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * Waits to enter one monitor at one site: how often, how long in total, by how many distinct threads (some
 * named), the longest wait with its waiting thread and the thread that held the monitor.
 */
public record MonitorContention(String monitorClass, String site, long waits, Duration totalBlocked, Duration longest,
                                int threadCount, List<String> threads, String longestWaiter, String owner, List<String> stack) {}
