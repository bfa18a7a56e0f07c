package dev.quadrant.core.evidence;

import java.util.List;

/**
 * Small read and write calls on file streams in one window (each a system call for at most 128 bytes): totals, and
 * the call sites found by sampling, each with its estimated share of the calls.
 */
public record TinyIo(long reads, long writes, long bytes, List<Site> sites) {
    public static final TinyIo NONE = new TinyIo(0, 0, 0, List.of());

    public long calls() { return reads + writes; }

    /** One call site on one file: {@code calls} is estimated from its share of the samples. */
    public record Site(String site, String path, String operation, long calls, double meanBytes, List<String> stack) {}
}
