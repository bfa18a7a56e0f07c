package dev.quadrant.core;

import java.time.Duration;
import java.util.Locale;

/** Human-readable figures for titles and details. */
public final class Units {
    private Units() {}

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1) return String.format(Locale.ROOT, "%d µs", d.toNanos() / 1000);
        if (ms < 10_000) return ms + " ms";
        if (ms < 120_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        if (ms < 7_200_000) return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }

    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (Math.abs(bytes) >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
        return i == 0 ? String.format(Locale.ROOT, "%.0f B", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[i]);
    }

    public static String percent(double share) { return String.format(Locale.ROOT, "%.0f%%", share * 100); }

    public static String decimal(double value) { return String.format(Locale.ROOT, "%.2f", value); }

    /** Digits grouped in thousands, one decimal when not whole: "1,234", "1,246.5". */
    public static String grouped(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.format(Locale.ROOT, "%,d", (long) value);
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Rounds for JSON evidence so reports do not carry 17 digits of noise. */
    public static double round(double value, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }
}
