package dev.quadrant.core.evidence;

import java.util.List;

/**
 * One method's CPU milliseconds: on top of the stack (self) and anywhere in it (total); in how many samples it was on
 * top; its heaviest stack.
 */
public record MethodShare(String method, long selfMillis, long totalMillis, long selfSamples, List<String> hottestStack) {}
