package dev.quadrant.core;

import dev.quadrant.core.evidence.JvmSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A least-squares line through one figure of the recent windows (unknown values skipped): how fast it grows, how
 * well a line explains it, and whether it is still growing at the end. Growth rules read it instead of one snapshot,
 * so a one-off spike is no trend and a warming-up service, whose growth slows down and stops, is told apart from a leak.
 */
public record Trend(int points, double spanSeconds, double slopePerSecond, double r2, double first, double last,
                    double max, double recentSlopePerSecond, double earlySlopePerSecond) {
    public static final int MAX_POINTS = 30;  // the last 30 windows; older history says little about the current rate

    public static Trend of(List<JvmSample> series, ToLongFunction<JvmSample> figure) {
        List<double[]> pts = new ArrayList<>();
        for (int i = Math.max(0, series.size() - MAX_POINTS * 4); i < series.size(); i++) {
            JvmSample s = series.get(i);
            long v = figure.applyAsLong(s);
            if (v >= 0) pts.add(new double[] {s.time().toEpochMilli() / 1000.0, v});
        }
        if (pts.size() > MAX_POINTS) pts = pts.subList(pts.size() - MAX_POINTS, pts.size());
        return of(pts);
    }

    /** Points are {seconds, value}, oldest first. */
    static Trend of(List<double[]> pts) {
        int n = pts.size();
        if (n < 2) {
            double v = n == 0 ? 0 : pts.get(0)[1];
            return new Trend(n, 0, 0, 0, v, v, v, 0, 0);
        }
        double t0 = pts.get(0)[0];
        double[] fit = fit(pts, t0);
        double max = pts.stream().mapToDouble(p -> p[1]).max().orElse(0);
        double early = fit[0], recent = fit[0];
        if (n >= 4) {
            // Halves of the time, not of the points: a young JVM collects often while it fills up and rarely after, so
            // most points sit early; each half takes the point next to the middle too, so neither has fewer than two.
            int mid = 1;
            double tMid = (t0 + pts.get(n - 1)[0]) / 2;
            while (mid < n - 1 && pts.get(mid)[0] <= tMid) mid++;
            early = fit(pts.subList(0, mid + 1), t0)[0];
            recent = fit(pts.subList(mid - 1, n), t0)[0];
        }
        return new Trend(n, pts.get(n - 1)[0] - t0, fit[0], fit[1], pts.get(0)[1], pts.get(n - 1)[1], max, recent, early);
    }

    /** {slope, r²} of the least-squares line. */
    private static double[] fit(List<double[]> pts, double t0) {
        int n = pts.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (double[] p : pts) {
            double x = p[0] - t0, y = p[1];
            sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y;
        }
        double vx = n * sxx - sx * sx, vy = n * syy - sy * sy, cov = n * sxy - sx * sy;
        if (vx <= 0) return new double[] {0, 0};
        double slope = cov / vx;
        double r2 = vy <= 0 ? 0 : (cov * cov) / (vx * vy);
        return new double[] {slope, r2};
    }

    /** The rise the line describes over its span. */
    public double growth() { return slopePerSecond * spanSeconds; }

    /**
     * Growing steadily: enough points over enough time, a line explains most of it, it has not slowed to under half
     * its earlier pace (warm-up slows down and stops, a leak does not), and the newest value is at the top.
     */
    public boolean steadyGrowth(int minPoints, double minSpanSeconds, double minR2) {
        return points >= minPoints && spanSeconds >= minSpanSeconds && slopePerSecond > 0 && r2 >= minR2
                && recentSlopePerSecond >= 0.5 * earlySlopePerSecond && last >= max - 0.1 * (max - first);
    }

    /** Seconds until the figure reaches {@code limit} at this rate; infinite when it does not grow. */
    public double secondsUntil(double limit) {
        if (slopePerSecond <= 0) return Double.POSITIVE_INFINITY;
        return Math.max(0, (limit - last) / slopePerSecond);
    }
}
