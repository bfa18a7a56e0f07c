package dev.quadrant.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A time chart drawn as inline SVG on the server: lines, dots and bars over a shared time axis, a zero-based value
 * axis with round ticks, native tooltips ({@code <title>}) on dots and bars. No script, so it renders under the
 * strictest policy and in any viewer.
 */
final class Chart {
    enum Unit { BYTES, MILLIS, COUNT, PERCENT }

    enum Kind { LINE, DOTS, BARS, LEVEL }

    record Series(String name, Kind kind, String color, long[] times, double[] values) {}

    static final int WIDTH = 560, HEIGHT = 170;
    static final int LEFT = 62, RIGHT = 10, TOP = 10, BOTTOM = 24;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FINE_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String title;
    private final Unit unit;
    private long from, to;
    private final List<Series> series = new ArrayList<>();

    /** {@code from} and {@code to} bound the time axis, epoch milliseconds. */
    Chart(String title, Unit unit, long from, long to) {
        this.title = title;
        this.unit = unit;
        this.from = from;
        this.to = Math.max(to, from + 1);
    }

    /** Adds a series; unknown values (negative, NaN) are left out, and a series with no known value is not drawn. */
    Chart add(String name, Kind kind, String color, long[] times, double[] values) {
        int n = 0;
        long[] t = new long[values.length];
        double[] v = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || Double.isNaN(values[i]) || Double.isInfinite(values[i])) continue;
            t[n] = times[i];
            v[n++] = values[i];
        }
        // events that arrived after their period closed are drawn where they happened: the axis widens to them
        for (int i = 0; i < n; i++) { from = Math.min(from, t[i]); to = Math.max(to, t[i]); }
        if (n > 0) series.add(new Series(name, kind, color, java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n)));
        return this;
    }

    boolean isEmpty() { return series.isEmpty(); }

    void render(Html out) {
        out.raw("<figure class=\"chart\"><figcaption><b>").text(title).raw("</b>");
        for (Series s : series) {
            out.raw(" <span class=\"key\"><i style=\"background:").raw(s.color).raw("\"></i>").text(s.name).raw("</span>");
        }
        out.raw("</figcaption>");
        if (series.isEmpty()) {
            out.raw("<p class=\"muted nodata\">No data in this period.</p></figure>");
            return;
        }
        double max = 0;
        for (Series s : series) for (double v : s.values) max = Math.max(max, v);
        double top = unit == Unit.BYTES ? niceBytes(max == 0 ? 1 : max) : niceCeiling(max == 0 ? 1 : max);
        out.raw("<svg viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-label=\"").text(title).raw("\">");
        axes(out, top);
        for (Series s : series) draw(out, s, top);
        out.raw("</svg></figure>");
    }

    private void axes(Html out, double top) {
        int plotBottom = HEIGHT - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            String y = fmt(y(v, top));
            out.raw("<line class=\"grid\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y + "\"/>")
                    .raw("<text class=\"tick\" x=\"" + (LEFT - 4) + "\" y=\"" + fmt(y(v, top) + 4) + "\" text-anchor=\"end\">").text(label(v)).raw("</text>");
        }
        for (int i = 0; i <= 3; i++) {
            long t = from + (to - from) * i / 3;
            String anchor = i == 0 ? "start" : i == 3 ? "end" : "middle";
            out.raw("<text class=\"tick\" x=\"" + fmt(x(t)) + "\" y=\"" + (plotBottom + 16) + "\" text-anchor=\"" + anchor + "\">")
                    .text((to - from < 20_000 ? FINE_CLOCK : CLOCK).format(Instant.ofEpochMilli(t))).raw("</text>");
        }
    }

    private void draw(Html out, Series s, double top) {
        switch (s.kind) {
            case LINE -> {
                if (s.values.length == 1) { dot(out, s, 0, top, 3); return; }
                StringBuilder d = new StringBuilder(s.values.length * 14);
                for (int i = 0; i < s.values.length; i++) d.append(i == 0 ? 'M' : 'L').append(fmt(x(s.times[i]))).append(',').append(fmt(y(s.values[i], top)));
                out.raw("<path class=\"line\" stroke=\"").raw(s.color).raw("\" d=\"").raw(d.toString()).raw("\"/>");
            }
            case DOTS -> { for (int i = 0; i < s.values.length; i++) dot(out, s, i, top, 2.5); }
            case BARS -> {
                for (int i = 0; i < s.values.length; i++) {
                    double y = y(s.values[i], top), h = Math.max(1, (HEIGHT - BOTTOM) - y);
                    out.raw("<rect fill=\"").raw(s.color).raw("\" x=\"" + fmt(x(s.times[i]) - 1) + "\" y=\"" + fmt((HEIGHT - BOTTOM) - h)
                            + "\" width=\"2.5\" height=\"" + fmt(h) + "\"><title>").text(tip(s, i)).raw("</title></rect>");
                }
            }
            case LEVEL -> {
                String y = fmt(y(s.values[0], top));
                out.raw("<line class=\"level\" stroke=\"").raw(s.color).raw("\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y
                        + "\"><title>").text(s.name + ": " + label(s.values[0])).raw("</title></line>");
            }
        }
    }

    private void dot(Html out, Series s, int i, double top, double r) {
        out.raw("<circle fill=\"").raw(s.color).raw("\" cx=\"" + fmt(x(s.times[i])) + "\" cy=\"" + fmt(y(s.values[i], top)) + "\" r=\"" + r + "\"><title>")
                .text(tip(s, i)).raw("</title></circle>");
    }

    private String tip(Series s, int i) { return s.name + " " + label(s.values[i]) + " at " + FINE_CLOCK.format(Instant.ofEpochMilli(s.times[i])); }

    private double x(long t) { return LEFT + (double) (t - from) / (to - from) * (WIDTH - LEFT - RIGHT); }

    private static double y(double v, double top) { return TOP + (1 - Math.min(v, top) / top) * (HEIGHT - TOP - BOTTOM); }

    /** The smallest of 1, 2, 4, 6, 8 times a power of ten at or above {@code v}: its quarters read round too. */
    static double niceCeiling(double v) {
        double base = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 4, 6, 8, 10}) if (m * base >= v * (1 - 1e-9)) return m * base;
        return 10 * base;
    }

    /** The next power of two in the binary unit the value is read in (KiB, MiB, GiB): a 256 MiB heap tops out at 256 MiB. */
    static double niceBytes(double v) {
        double unit = v >= 1L << 30 ? 1L << 30 : v >= 1L << 20 ? 1L << 20 : v >= 1L << 10 ? 1L << 10 : 1;
        double top = 1;
        while (top < v / unit * (1 - 1e-9)) top *= 2;
        return top * unit;
    }

    String label(double v) {
        return switch (unit) {
            case BYTES -> bytes(v);
            case MILLIS -> v >= 1000 ? trim(v / 1000) + " s" : trim(v) + " ms";
            case PERCENT -> trim(v) + "%";
            case COUNT -> trim(v);
        };
    }

    static String bytes(double v) {
        if (v >= 1L << 30) return trim(v / (1L << 30)) + " GiB";
        if (v >= 1L << 20) return trim(v / (1L << 20)) + " MiB";
        if (v >= 1L << 10) return trim(v / (1L << 10)) + " KiB";
        return trim(v) + " B";
    }

    private static String trim(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return v >= 10 ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
