package dev.quadrant.core.evidence;

import java.time.Duration;
import java.util.List;

/**
 * An object JFR's leak profiler sampled at allocation that is still alive: its type, age and allocation stack.
 * Many old samples from one site are that site's objects piling up.
 */
public record OldObject(String type, Duration age, long arrayElements, List<String> stack) {}
