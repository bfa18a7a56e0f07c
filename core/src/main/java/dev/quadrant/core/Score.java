package dev.quadrant.core;

import java.time.Duration;

/**
 * The one scoring function: maps a measured value onto 0-100 so that the warning threshold scores 25,
 * the critical threshold 75, and twice the critical threshold 100.
 */
public final class Score {
    public static final int MAX = 100;
    /** Highest score a finding may have when it rests on indirect evidence only. */
    public static final int INDIRECT_CAP = Severity.CRITICAL_FROM - 1;
    /** Highest score that stays INFO. */
    public static final int INFO_CAP = Severity.WARNING_FROM - 1;

    private Score() {}

    public static int of(double value, double warnAt, double criticalAt) {
        if (!(warnAt > 0) || !(criticalAt > warnAt)) throw new IllegalArgumentException("need 0 < warnAt < criticalAt");
        if (!(value > 0)) return 0;
        double score;
        if (value < warnAt) score = Severity.WARNING_FROM * value / warnAt;
        else if (value < criticalAt) score = Severity.WARNING_FROM + 50 * (value - warnAt) / (criticalAt - warnAt);
        else score = Severity.CRITICAL_FROM + 25 * Math.min(1, (value - criticalAt) / criticalAt);
        return (int) Math.min(MAX, Math.floor(score));
    }

    public static int of(Duration value, Duration warnAt, Duration criticalAt) {
        return of(value.toNanos(), warnAt.toNanos(), criticalAt.toNanos());
    }

    /** The lower of two scores: both conditions must hold for a high score. */
    public static int both(int a, int b) { return Math.min(a, b); }

    /** The item that scores highest (the first of equal ones), with its score; empty when there is none. */
    public static <T> java.util.Optional<Scored<T>> best(Iterable<? extends T> items, java.util.function.ToIntFunction<? super T> score) {
        T best = null;
        int top = -1;
        for (T item : items) {
            int s = score.applyAsInt(item);
            if (s > top) { top = s; best = item; }
        }
        return best == null ? java.util.Optional.empty() : java.util.Optional.of(new Scored<>(best, top));
    }

    /** An item and its score. */
    public record Scored<T>(T item, int score) {}
}
