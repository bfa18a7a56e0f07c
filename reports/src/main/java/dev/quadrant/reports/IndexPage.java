package dev.quadrant.reports;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every report of this run, newest first, with each dimension's status as a strip, so the start of trouble shows. */
public final class IndexPage {
    private IndexPage() {}

    /** What the index keeps of one report. */
    public record Entry(int sequence, Instant windowStart, Instant windowEnd, Map<Dimension, String> statuses, int findings, String topTitle) {
        public static Entry of(Report r) {
            Map<Dimension, String> statuses = new java.util.EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) statuses.put(d, r.diagnosis().status(d).status());
            List<dev.quadrant.core.Finding> f = r.diagnosis().findings();
            return new Entry(r.sequence(), r.windowStart(), r.windowEnd(), statuses, f.size(), f.isEmpty() ? "" : f.get(0).title());
        }
    }

    /** {@code entries} oldest first, as written. */
    public static String render(String mainClass, long pid, List<Entry> entries) {
        Html out = new Html();
        Page.open(out, "Quadrant reports — " + mainClass);
        out.raw("<header><h1>Quadrant reports <span class=\"muted\">· ").text(mainClass).raw("</span></h1><div class=\"muted\">pid ")
                .text(pid).raw(" · ").text(entries.size()).raw(entries.size() == 1 ? " report" : " reports")
                .raw(" · newest first · <a href=\"latest.html\">latest</a></div></header><main>");
        strip(out, entries);
        out.raw("<table class=\"strip\"><tr><th>Report</th><th>Window end</th>");
        for (Dimension d : Dimension.values()) out.raw("<th>").text(d).raw("</th>");
        out.raw("<th>Findings</th><th>Top finding</th></tr>");
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            String name = String.format("report-%04d", e.sequence());
            out.raw("<tr><td><a href=\"").raw(name).raw(".html\">").text(e.sequence()).raw("</a></td><td class=\"time\">").text(Page.time(e.windowEnd())).raw("</td>");
            for (Dimension d : Dimension.values()) {
                String s = e.statuses().get(d);
                out.raw("<td class=\"").raw(Page.statusClass(s)).raw("\" title=\"").text(d + " " + s).raw("\">").text(s).raw("</td>");
            }
            out.raw("<td>").text(e.findings()).raw("</td><td>").text(e.topTitle()).raw("</td></tr>");
        }
        out.raw("</table></main>");
        Page.close(out);
        return out.toString();
    }

    /** One row per dimension, one cell per report, oldest on the left: where the colour changes, the trouble started. */
    private static void strip(Html out, List<Entry> entries) {
        if (entries.isEmpty()) return;
        out.raw("<div class=\"strip-cells\" style=\"grid-template-columns:70px repeat(").text(entries.size()).raw(",minmax(6px,1fr))\">");
        for (Dimension d : Dimension.values()) {
            out.raw("<b>").text(d).raw("</b>");
            for (Entry e : entries) {
                String s = e.statuses().get(d);
                out.raw("<a class=\"").raw(Page.statusClass(s)).raw("\" href=\"").raw(String.format("report-%04d", e.sequence())).raw(".html\" title=\"")
                        .text("report " + e.sequence() + ", until " + Page.time(e.windowEnd()) + ": " + d + " " + s).raw("\"></a>");
            }
        }
        out.raw("</div>");
    }
}
