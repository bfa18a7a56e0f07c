package dev.quadrant.reports;

import dev.quadrant.core.Units;
import java.util.Locale;

/**
 * A finding's evidence values for people, in the unit their key names ({@code heapUsedBytes} reads "212.4 MiB"): rules
 * give evidence as free-form maps. The key figures have their units in {@link dev.quadrant.core.Metrics#TABLE} and are
 * formatted by {@link KeyFigures}. The JSON keeps the raw numbers.
 */
final class EvidenceValues {
    private EvidenceValues() {}

    static String text(String key, Object v) {
        if (!(v instanceof Number n)) return String.valueOf(v);
        double d = n.doubleValue();
        if (key.endsWith("BytesPerSecond")) return Units.bytes(d) + "/s";
        if (key.endsWith("Bytes")) return Units.bytes(d);
        if (key.endsWith("Ms")) return Units.grouped(d) + " ms";
        if (key.endsWith("Load")) return Units.percent(d);
        if (key.endsWith("Share") || key.equals("share")) return String.format(Locale.ROOT, "%.1f%%", d * 100);
        if (key.endsWith("Cores")) return String.format(Locale.ROOT, "%.2f", d);
        return Units.grouped(d);
    }
}
