package dev.quadrant.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What growth rules share: the bar a trend must clear, and how a trend reads in a report. */
public final class Growth {
    public static final int MIN_POINTS = 5;            // five windows: one or two rising windows are noise
    public static final double MIN_SPAN_SECONDS = 20;  // and at least 20 s of them, whatever the interval
    public static final double MIN_R2 = 0.6;           // a line explains most of the movement: steady, not a sawtooth
    public static final double WARN_HOURS_TO_LIMIT = 24;  // full within a day: someone must act this week
    public static final double CRITICAL_HOURS_TO_LIMIT = 1;  // full within the hour: act now

    private Growth() {}

    public static boolean steady(Trend t) { return t.steadyGrowth(MIN_POINTS, MIN_SPAN_SECONDS, MIN_R2); }

    /** Score from the time left until the limit: 25 at a day, 75 at an hour, 100 at half an hour. */
    public static int scoreByTimeLeft(double secondsLeft) {
        if (Double.isInfinite(secondsLeft)) return 0;
        double hours = Math.max(secondsLeft / 3600, 1e-3);
        return Score.of(1 / hours, 1 / WARN_HOURS_TO_LIMIT, 1 / CRITICAL_HOURS_TO_LIMIT);
    }

    public static String timeLeft(double secondsLeft) {
        return Double.isInfinite(secondsLeft) ? "never at this rate" : "in about " + Units.human(Duration.ofMillis((long) (secondsLeft * 1000)));
    }

    public static String bytesPerMinute(Trend t) { return Units.bytes(t.slopePerSecond() * 60) + "/min"; }

    public static Map<String, Object> evidence(Trend t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windows", t.points());
        m.put("spanSeconds", Math.round(t.spanSeconds()));
        m.put("first", Math.round(t.first()));
        m.put("last", Math.round(t.last()));
        m.put("slopePerMinute", Math.round(t.slopePerSecond() * 60));
        m.put("r2", Units.round(t.r2(), 3));
        return m;
    }
}
