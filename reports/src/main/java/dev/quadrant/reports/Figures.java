package dev.quadrant.reports;

import dev.quadrant.core.Units;
import java.util.Locale;

/** Key figures for people: {@code heapUsedBytes} reads "heap used" and its value "212.4 MiB". The JSON keeps the raw numbers. */
final class Figures {
    private Figures() {}

    static String label(String key) {
        String base = key.replaceAll("(BytesPerSecond|Bytes|Ms|Cores|Load)$", "");
        if (base.isEmpty()) base = key;
        StringBuilder b = new StringBuilder(base.length() + 8);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.isUpperCase(c) && i > 0) b.append(' ').append(Character.toLowerCase(c));
            else b.append(i == 0 ? Character.toUpperCase(c) : c);
        }
        if (key.endsWith("Cores")) b.append(" (cores)");
        if (key.endsWith("Load")) b.append(" load");
        return b.toString();
    }

    static String value(String key, Object v) {
        if (!(v instanceof Number n)) return String.valueOf(v);
        double d = n.doubleValue();
        if (key.endsWith("BytesPerSecond")) return Units.bytes(d) + "/s";
        if (key.endsWith("Bytes")) return Units.bytes(d);
        if (key.endsWith("Ms")) return number(d) + " ms";
        if (key.endsWith("Load")) return Units.percent(d);
        if (key.endsWith("Share") || key.equals("share")) return String.format(Locale.ROOT, "%.1f%%", d * 100);
        if (key.endsWith("Cores")) return String.format(Locale.ROOT, "%.2f", d);
        return number(d);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%,d", (long) d);
        return String.format(Locale.ROOT, "%,.1f", d);
    }
}
