package dev.quadrant.core.evidence;

import java.util.List;

/** A window's CPU samples reduced to the methods that carry them, most self samples first. */
public record CpuProfile(long samples, long distinctStacks, List<MethodShare> topMethods) {
    public static final CpuProfile EMPTY = new CpuProfile(0, 0, List.of());

    public double selfShare(MethodShare m) { return samples == 0 ? 0 : (double) m.selfSamples() / samples; }
    public double totalShare(MethodShare m) { return samples == 0 ? 0 : (double) m.totalSamples() / samples; }
}
