package dev.quadrant.core.evidence;

import java.util.List;

/** The JIT compiler's trouble in one window: deoptimizations by method and reason, a full code cache, failed compilations. */
public record JitActivity(long deoptimizations, List<Deoptimization> topDeoptimizations, long codeCacheFull,
                          long compilationFailures, List<String> failureMessages) {
    public static final JitActivity EMPTY = new JitActivity(0, List.of(), 0, 0, List.of());

    /** Deoptimizations of one method for one reason: a method that keeps coming back here is recompiled again and again. */
    public record Deoptimization(String method, String reason, String action, long count) {}
}
