package dev.quadrant.collectors;

import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.WindowBuilder;
import java.time.Instant;
import java.util.Set;

/**
 * One source of evidence: an MXBean sampler, the thread dumps, the JFR stream (whose {@link
 * dev.quadrant.collectors.jfr.JfrHandler}s feed the window as events arrive), the woven probes. The agent's catalogue
 * holds every collector and drives them all through one guarded loop: a collector that throws is counted under its
 * name and skipped for that tick, never stopping the others.
 */
public interface Collector {
    /** Short and stable, for the fault count and the log. */
    String name();

    /** Adds what it gathered since the last window to the closing one; on the tick's thread. */
    void sample(WindowBuilder window, Tick tick);

    /** Whether it reports changes since its last sample: then it is sampled once at start, so the first window has them too. */
    default boolean countsChanges() { return false; }

    /** How long its last sample stopped the JVM at a safepoint (a thread dump), counted against the dump budget; 0 if it did not. */
    default long lastPauseNanos() { return 0; }

    /** Costly evidence a rule asked for, to be gathered for the next window; the set is empty when nothing is asked. */
    default void requested(Set<EvidenceRequest> wanted) {}

    /** Lets go of what it holds; not called at JVM exit, when the JVM takes everything with it. */
    default void close() {}

    /** One tick: when the window closes, and whether it is the last (at a stop or JVM exit). */
    record Tick(Instant now, boolean last) {}
}
