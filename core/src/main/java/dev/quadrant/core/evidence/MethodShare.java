package dev.quadrant.core.evidence;

import java.util.List;

/** One method's CPU milliseconds: on top of the stack (self) and anywhere in it (total), with its heaviest stack. */
public record MethodShare(String method, long selfMillis, long totalMillis, List<String> hottestStack) {}
