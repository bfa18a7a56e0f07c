package dev.quadrant.core;

import dev.quadrant.core.evidence.JvmSample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a window is the JVM's start-up or warm-up: in its first minutes a real application loads thousands of classes
 * (reading and inflating its jars, scanning them for annotations), compiles its hot code and sizes its heap, and the
 * CPU, allocation, GC and lock figures of those seconds say nothing about how it will run. Told apart by what only
 * start-up does at that rate: loading classes. The JIT's share of the time is reported beside it but does not decide:
 * in the CPU-heavy services of the end-to-end suite it stayed at 30-180% for tens of seconds after class loading had
 * stopped, where it would have held real problems back. Past {@link #WITHIN_MILLIS} nothing is start-up, so a program
 * that generates classes for ever is judged like any other.
 */
public record StartUp(long uptimeMillis, double classLoadsPerSecond, double compilationShare) {
    static final long WITHIN_MILLIS = 5 * 60_000;
    static final double CLASS_LOADS_PER_SECOND = 50;  // a steady service loads next to none; Tomcat's start-up thousands a second

    public static StartUp of(Window w) {
        JvmSample j = w.jvm();
        double seconds = w.seconds();
        return new StartUp(j.uptimeMillis(), j.classLoads() < 0 ? -1 : j.classLoads() / seconds,
                j.compilationMillis() < 0 ? -1 : j.compilationMillis() / (seconds * 1000));
    }

    public boolean active() {
        if (uptimeMillis > WITHIN_MILLIS) return false;
        return classLoadsPerSecond >= CLASS_LOADS_PER_SECOND;
    }

    /** What a finding held back to INFO says about why. */
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptimeSeconds", uptimeMillis < 0 ? null : uptimeMillis / 1000);
        m.put("classLoadsPerSecond", Math.round(classLoadsPerSecond));
        m.put("compilationShare", Units.round(compilationShare, 2));
        return m;
    }

    String reason() {
        return "The JVM is starting up or warming up (" + Math.round(classLoadsPerSecond) + " classes loaded a second, the JIT compiling "
                + Units.percent(Math.max(0, compilationShare)) + " of the time" + (uptimeMillis < 0 ? "" : ", " + uptimeMillis / 1000 + " s after launch")
                + "): held at INFO until that settles.";
    }
}
