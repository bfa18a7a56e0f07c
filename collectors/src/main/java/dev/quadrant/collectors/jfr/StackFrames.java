package dev.quadrant.collectors.jfr;

import dev.quadrant.core.Frames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** Formats JFR stacks as {@code pkg.Class.method(File.java:42)}, truncated, with frame strings interned. */
public final class StackFrames {
    static final int MAX_INTERNED = 65_536;  // ~6 MiB of frame strings at most; past that frames are simply not shared
    private static final ConcurrentHashMap<String, String> INTERNED = new ConcurrentHashMap<>();

    private StackFrames() {}

    /**
     * JFR resolves a stack trace once per chunk and hands every event with that stack the same object, so
     * formatting is cached by identity: a repeated stack (a hot loop's) costs a lookup, not 64 string builds.
     * Only the stream's one dispatch thread calls this; the lock is uncontended.
     */
    public static List<String> top(RecordedStackTrace trace, int maxDepth) {
        if (trace == null) return List.of();
        synchronized (FORMATTED) {
            FormattedKey key = new FormattedKey(trace, maxDepth);
            List<String> known = FORMATTED.get(key);
            if (known != null) return known;
            List<String> formatted = format(trace, maxDepth);
            if (FORMATTED.size() >= MAX_FORMATTED) FORMATTED.clear();  // keeps old chunks' objects collectable
            FORMATTED.put(key, formatted);
            return formatted;
        }
    }

    static final int MAX_FORMATTED = 4096;
    private static final Map<FormattedKey, List<String>> FORMATTED = new HashMap<>();

    /** Identity of the trace object (not its contents, which would cost what the cache saves), and the depth asked for. */
    private record FormattedKey(RecordedStackTrace trace, int depth) {
        @Override public boolean equals(Object o) { return o instanceof FormattedKey k && k.trace == trace && k.depth == depth; }
        @Override public int hashCode() { return System.identityHashCode(trace) * 31 + depth; }
    }

    private static List<String> format(RecordedStackTrace trace, int maxDepth) {
        List<RecordedFrame> frames = trace.getFrames();
        int n = Math.min(maxDepth, frames.size());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RecordedFrame f = frames.get(i);
            RecordedMethod m = f.getMethod();
            if (m == null || m.isHidden()) continue;  // lambda forms and hidden classes: noise with generated names
            String className = m.getType().getName();
            // JFR carries no source file names; the top-level class's name is right for Java sources.
            out.add(intern(Frames.format(className, m.getName(), simpleFile(className), f.isJavaFrame() ? f.getLineNumber() : -2)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Forgets the interned frames, so a stopped agent leaves nothing behind in the heap. */
    public static void clear() {
        INTERNED.clear();
        synchronized (FORMATTED) {
            FORMATTED.clear();
        }
    }

    static String simpleFile(String className) {
        int dot = className.lastIndexOf('.');
        String simple = dot < 0 ? className : className.substring(dot + 1);
        int dollar = simple.indexOf('$');
        return (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
    }

    public static String intern(String frame) {
        String known = INTERNED.get(frame);
        if (known != null) return known;
        if (INTERNED.size() >= MAX_INTERNED) return frame;
        known = INTERNED.putIfAbsent(frame, frame);
        return known == null ? frame : known;
    }

    public static List<String> of(StackTraceElement[] trace, int maxDepth) {
        int n = Math.min(maxDepth, trace.length);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StackTraceElement e = trace[i];
            if (e.getClassName().contains("$$Lambda")) continue;  // generated lambda classes, as JFR's hidden frames
            out.add(intern(Frames.format(e.getClassName(), e.getMethodName(), e.getFileName(), e.isNativeMethod() ? -2 : e.getLineNumber())));
        }
        return Collections.unmodifiableList(out);
    }
}
