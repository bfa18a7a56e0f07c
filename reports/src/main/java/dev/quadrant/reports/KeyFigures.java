package dev.quadrant.reports;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Metric;
import dev.quadrant.core.Metrics;
import dev.quadrant.core.Unit;
import dev.quadrant.core.Units;

/** The report's key figures as people read them: a table per dimension, each figure's label and value in its unit, then the pools. */
final class KeyFigures {
    private KeyFigures() {}

    static void render(Html out, Metrics metrics) {
        out.raw("<section id=\"figures\"><h2>Key figures</h2><div class=\"metrics\">");
        for (Dimension d : Dimension.values()) {
            out.raw("<section>").element("h3", null, d.name()).raw("<table class=\"kv\">");
            for (Metrics.Figure f : metrics.figures()) {
                if (f.metric().dimension() != d) continue;
                out.raw("<tr><th>").text(f.metric().label()).raw("</th><td>").text(text(f)).raw("</td></tr>");
            }
            out.raw("</table></section>");
        }
        out.raw("</div>");
        if (!metrics.pools().isEmpty()) pools(out, metrics);
        out.raw("</section>");
    }

    private static void pools(Html out, Metrics metrics) {
        Metrics.Rows rows = Metrics.POOLS;
        out.element("h3", null, rows.dimension().name() + " · " + rows.label()).raw("<div class=\"wide\"><table class=\"grid\"><tr>");
        out.raw("<th>").text(rows.nameLabel()).raw("</th>");
        for (Metric<?> c : rows.columns()) out.raw("<th>").text(c.label()).raw("</th>");
        out.raw("</tr>");
        for (Metrics.Pool p : metrics.pools()) {
            out.raw("<tr><td>").text(p.name()).raw("</td>");
            for (Metrics.Figure f : p.figures()) out.raw("<td>").text(text(f)).raw("</td>");
            out.raw("</tr>");
        }
        out.raw("</table></div>");
    }

    static String text(Metrics.Figure f) { return text(f.metric().unit(), f.value()); }

    static String text(Unit unit, double value) {
        return switch (unit) {
            case COUNT -> Units.grouped(value);
            case BYTES -> Units.bytes(value);
            case BYTES_PER_SECOND -> Units.bytes(value) + "/s";
            case MILLIS -> Units.grouped(value) + " ms";
            case CORES -> Units.decimal(value);
            case RATIO -> Units.percent(value);
        };
    }
}
