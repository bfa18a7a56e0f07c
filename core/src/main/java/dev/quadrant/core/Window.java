package dev.quadrant.core;

import dev.quadrant.core.evidence.CpuEvidence;
import dev.quadrant.core.evidence.IoEvidence;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.MemoryEvidence;
import dev.quadrant.core.evidence.ThreadsEvidence;
import dev.quadrant.core.evidence.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything seen during one report period, immutable; rules read only this. One part per dimension ({@code cpu},
 * {@code memory}, {@code threads}, {@code io}); {@code timeline} is the window's levels over time, for the report's
 * charts; {@code jvm} its MXBean figures; {@code history} the earlier windows' figures, oldest first, for the rules that
 * judge a trend ({@code -1} figures are unknown); {@code coverage} what the window took in and from when.
 */
public record Window(
        long pid,
        Instant start,
        Instant end,
        CpuEvidence cpu,
        MemoryEvidence memory,
        ThreadsEvidence threads,
        IoEvidence io,
        Timeline timeline,
        JvmSample jvm,
        List<JvmSample> history,
        Coverage coverage) {

    /**
     * Evidence taken in and dropped (caps, a closed window, failed handlers); {@code jfrSince} is when the JFR stream whose
     * events the window holds began recording (null: none did).
     */
    public record Coverage(long eventsSeen, long eventsDropped, Instant jfrSince) {}

    public Duration duration() {
        Duration d = Duration.between(start, end);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    public double seconds() { return duration().toNanos() / 1e9; }

    /**
     * Whether JFR recorded for the whole window: rules whose evidence comes from JFR (allocation sites, pauses, socket
     * and file events) say when it did not, rather than read its absence as a fact about the application.
     */
    public boolean jfrCovered() { return coverage.jfrSince() != null && !coverage.jfrSince().isAfter(start); }

    /** The earlier windows and this one, oldest first. */
    public List<JvmSample> series() {
        List<JvmSample> all = new java.util.ArrayList<>(history.size() + 1);
        all.addAll(history);
        all.add(jvm);
        return all;
    }

    /**
     * The newest windows that together cover at least {@code minSeconds} (or all whose length is known), for rules
     * that judge a sustained rate rather than one window.
     */
    public Trailing trailing(double minSeconds) {
        List<JvmSample> all = series();
        List<JvmSample> samples = new java.util.ArrayList<>();
        List<Double> lengths = new java.util.ArrayList<>();
        double span = 0;
        for (int i = all.size() - 1; i >= 0 && span < minSeconds; i--) {
            boolean current = i == all.size() - 1;
            if (!current && i == 0) break;  // the oldest window's length is unknown
            double length = current ? seconds() : (all.get(i).time().toEpochMilli() - all.get(i - 1).time().toEpochMilli()) / 1000.0;
            samples.add(all.get(i));
            lengths.add(length);
            span += length;
        }
        return new Trailing(samples, lengths, span);
    }

    /** Windows newest first with their lengths in seconds, and the time they cover. */
    public record Trailing(List<JvmSample> samples, List<Double> seconds, double span) {
        /** Sum of a per-window figure; unknown ({@code -1}) values count as nothing. */
        public double sum(java.util.function.ToLongFunction<JvmSample> figure) {
            double total = 0;
            for (JvmSample s : samples) total += Math.max(0, figure.applyAsLong(s));
            return total;
        }

        /** Time-weighted average of a level; unknown values are left out; -1 when none is known. */
        public double average(java.util.function.ToDoubleFunction<JvmSample> level) {
            double total = 0, weight = 0;
            for (int i = 0; i < samples.size(); i++) {
                double v = level.applyAsDouble(samples.get(i));
                if (v >= 0) { total += v * seconds.get(i); weight += seconds.get(i); }
            }
            return weight == 0 ? -1 : total / weight;
        }

        /** The time covered by the windows whose {@code figure} is known. */
        public double knownSpan(java.util.function.ToLongFunction<JvmSample> figure) {
            double known = 0;
            for (int i = 0; i < samples.size(); i++) if (figure.applyAsLong(samples.get(i)) >= 0) known += seconds.get(i);
            return known;
        }

        public boolean allKnown(java.util.function.ToLongFunction<JvmSample> figure) {
            return samples.stream().allMatch(s -> figure.applyAsLong(s) >= 0);
        }
    }

    /** Average number of cores the process used, or -1 when the JVM cannot tell. */
    public double processCores() {
        return jvm.processCpuNanos() < 0 ? -1 : jvm.processCpuNanos() / (double) duration().toNanos();
    }
}
