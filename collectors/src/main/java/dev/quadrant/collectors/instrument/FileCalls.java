package dev.quadrant.collectors.instrument;

import dev.quadrant.core.IoEvidenceBuilder;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tiny read and write calls on FileInputStream and FileOutputStream: each is a system call, so thousands of one-byte calls cost what one
 * buffered call would. Every small call is counted (striped adders, no lock); one in {@link #SAMPLE_EVERY} is placed:
 * its call site (stack) and its file. Each site's count is then its share of the samples times the total.
 */
final class FileCalls {
    static final int SMALL_BYTES = 128;     // a call this small is a syscall spent on a few bytes: what a buffer avoids
    static final int SAMPLE_EVERY = 1024;   // ~20 us of stack walk per 1024 calls of ~1 us: about 2%
    static final int MAX_SITES = IoEvidenceBuilder.MAX_TINY_IO_SITES;
    static final int DEPTH = 24;
    static final int MAX_PATHS = 100_000;   // open streams whose path is remembered at once

    private final LongAdder reads = new LongAdder(), writes = new LongAdder(), bytes = new LongAdder();
    private final Map<List<String>, Site> sites = new HashMap<>();  // (site, path, operation) -> samples
    private long dropped;
    private final Map<Object, String> paths = new java.util.WeakHashMap<>();  // streams do not override equals: identity

    record Site(List<String> stack, long[] samples) {}

    record Snapshot(long reads, long writes, long bytes, List<SiteSnapshot> sites) {}

    record SiteSnapshot(String site, String path, String operation, long samples, long sampledBytes, List<String> stack) {}

    void call(Object stream, boolean write, int size) {
        if (size < 0 || size > SMALL_BYTES) return;
        (write ? writes : reads).increment();
        bytes.add(size);
        if (ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) == 0) place(stream, write, size);
    }

    /** Records where one call was made and on which file. */
    void place(Object stream, boolean write, int size) {
        List<String> stack = CallerStacks.capture(DEPTH);
        List<String> key = List.of(dev.quadrant.core.Frames.firstApplicationFrame(stack), pathOf(stream), write ? "write" : "read");
        synchronized (this) {
            Site s = sites.get(key);
            if (s == null) {
                if (sites.size() >= MAX_SITES) { dropped++; return; }
                sites.put(key, s = new Site(stack, new long[2]));
            }
            s.samples[0]++;
            s.samples[1] += size;
        }
    }

    /** The window's counts and sampled sites, then starts over. */
    synchronized Snapshot drain() {
        List<SiteSnapshot> out = new ArrayList<>(sites.size());
        sites.forEach((k, s) -> out.add(new SiteSnapshot(k.get(0), k.get(1), k.get(2), s.samples[0], s.samples[1], s.stack())));
        sites.clear();
        return new Snapshot(reads.sumThenReset(), writes.sumThenReset(), bytes.sumThenReset(), out);
    }

    synchronized long takeDropped() {
        long d = dropped;
        dropped = 0;
        return d;
    }

    /** Remembers the path a stream was opened with (streams keep it private), for the calls that get placed. */
    void opened(Object stream, String path) {
        synchronized (paths) {
            if (paths.size() < MAX_PATHS) paths.put(stream, path);
        }
    }

    void closed(Object stream) {
        synchronized (paths) {
            if (!paths.isEmpty()) paths.remove(stream);
        }
    }

    String pathOf(Object stream) {
        String path;
        synchronized (paths) {
            path = paths.get(stream);
        }
        return path != null ? path : describeDescriptor(stream);
    }

    /** A stream opened on a file descriptor, or before Quadrant: standard output and error are the usual ones. */
    private static String describeDescriptor(Object stream) {
        try {
            if (stream instanceof FileOutputStream out) {
                if (out.getFD() == java.io.FileDescriptor.out) return "(standard output)";
                if (out.getFD() == java.io.FileDescriptor.err) return "(standard error)";
            } else if (stream instanceof FileInputStream in && in.getFD() == java.io.FileDescriptor.in) {
                return "(standard input)";
            }
        } catch (java.io.IOException e) {
            // closed meanwhile
        }
        return "(unknown: opened before Quadrant, or from a descriptor)";
    }
}
