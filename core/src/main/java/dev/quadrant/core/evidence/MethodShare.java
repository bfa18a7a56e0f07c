package dev.quadrant.core.evidence;

import java.util.List;

/** One method's CPU samples: on top of the stack (self) and anywhere in it (total), with its most frequent stack. */
public record MethodShare(String method, long selfSamples, long totalSamples, List<String> hottestStack) {}
