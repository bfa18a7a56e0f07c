package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;

/** Reads one MXBean concern once per window, into the window's JVM figures. Called from one thread only. */
public interface Sampler extends Collector {
    void sample(JvmSample.Builder jvm);

    @Override default void sample(WindowBuilder window, Tick tick) { sample(window.jvm()); }

    @Override default String name() { return "sampler " + getClass().getSimpleName(); }

    /** Counters are read as deltas; levels (heap used, threads live) do no harm read twice. */
    @Override default boolean countsChanges() { return true; }

    /** Counter delta that survives a counter that went backwards (a bean that reset): then the new value is the delta. */
    static long delta(long previous, long now) {
        if (now < 0) return -1;
        if (previous < 0 || now < previous) return now;
        return now - previous;
    }
}
