package dev.quadrant.collectors.mxbean;

import dev.quadrant.core.evidence.JvmSample;

/** Reads one MXBean concern once per window, into the window's JVM figures. Called from one thread only. */
public interface Sampler {
    void sample(JvmSample.Builder jvm);

    /** Counter delta that survives a counter that went backwards (a bean that reset): then the new value is the delta. */
    static long delta(long previous, long now) {
        if (now < 0) return -1;
        if (previous < 0 || now < previous) return now;
        return now - previous;
    }
}
