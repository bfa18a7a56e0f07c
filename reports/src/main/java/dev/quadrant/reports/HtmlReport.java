package dev.quadrant.reports;

import dev.quadrant.core.AgentStats;
import dev.quadrant.core.Dimension;
import dev.quadrant.core.DimensionStatus;
import dev.quadrant.core.Finding;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.Units;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One period's report as a self-contained page: overview tiles, findings with their evidence, key figures. */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(Report r) {
        Html out = new Html();
        JvmIdentity jvm = r.jvm();
        Page.open(out, "Quadrant report " + r.sequence() + " — " + jvm.mainClass());
        header(out, r);
        out.raw("<main>");
        tiles(out, r);
        findings(out, r.diagnosis().findings());
        metrics(out, r.metrics());
        out.raw("</main>");
        footer(out, r.agent(), r.diagnosis().failedRules());
        Page.close(out);
        return out.toString();
    }

    private static void header(Html out, Report r) {
        JvmIdentity j = r.jvm();
        out.raw("<header><h1>Quadrant report ").text(r.sequence()).raw(" <span class=\"muted\">· ").text(j.mainClass()).raw("</span></h1>")
                .raw("<div class=\"muted\">Window ").text(Page.time(r.windowStart())).raw(" → ").text(Page.time(r.windowEnd()))
                .raw(" (").text(Units.human(Duration.between(r.windowStart(), r.windowEnd()))).raw(") · pid ").text(j.pid())
                .raw(" · Java ").text(j.javaVersion()).raw(" (").text(j.vendor()).raw(") · up ").text(Units.human(Duration.ofMillis(j.uptimeMs())))
                .raw(" · <a href=\"index.html\">all reports</a> · <a href=\"report-").text(String.format("%04d", r.sequence())).raw(".json\">JSON</a></div></header>");
    }

    private static void tiles(Html out, Report r) {
        out.raw("<section class=\"tiles\" aria-label=\"Dimensions\">");
        for (Dimension d : Dimension.values()) {
            DimensionStatus s = r.diagnosis().status(d);
            List<Finding> of = r.diagnosis().findings().stream().filter(f -> f.dimension() == d).toList();
            out.raw("<div class=\"tile ").raw(Page.statusClass(s.status())).raw("\" data-dimension=\"").raw(d.name()).raw("\">")
                    .element("h2", null, d.name()).element("div", "status", s.status())
                    .raw("<div class=\"muted\">score ").text(s.score()).raw(" · ").text(of.size()).raw(of.size() == 1 ? " finding" : " findings").raw("</div>");
            if (!of.isEmpty()) out.element("div", null, of.get(0).title());
            out.raw("</div>");
        }
        out.raw("</section>");
    }

    private static void findings(Html out, List<Finding> findings) {
        out.raw("<h2>Findings</h2>");
        if (findings.isEmpty()) { out.raw("<p class=\"muted\">Nothing found in this window.</p>"); return; }
        int i = 0;
        for (Finding f : findings) {
            String sev = Page.statusClass(f.severity().name());
            out.raw("<article class=\"finding ").raw(sev).raw("\" id=\"finding-").text(++i).raw("\">")
                    .raw("<span class=\"badge ").raw(sev).raw("\">").text(f.severity()).raw(" ").text(f.score()).raw("</span> ")
                    .raw("<a href=\"").text(Report.CATALOGUE_PAGE + "#" + f.rule()).raw("\"><code>").text(f.rule()).raw("</code></a> <span class=\"muted\">").text(f.dimension()).raw("</span>")
                    .element("h3", null, f.title())
                    .element("p", null, f.detail());
            if (!f.evidence().isEmpty()) out.raw("<h4>Evidence</h4>").value(f.evidence());
            if (!f.stack().isEmpty()) {
                out.raw("<h4>Stack</h4><pre>");
                for (String frame : f.stack()) out.text(frame).raw("\n");
                out.raw("</pre>");
            }
            out.raw("<h4>Recommendation</h4>").element("p", null, f.recommendation())
                    .raw("<h4>Verify</h4>").element("pre", "verify", f.verify())
                    .raw("</article>");
        }
    }

    private static void metrics(Html out, Map<String, Map<String, Object>> metrics) {
        out.raw("<h2>Key figures</h2><div class=\"metrics\">");
        for (Map.Entry<String, Map<String, Object>> dim : metrics.entrySet()) {
            out.raw("<section>").element("h3", null, dim.getKey()).value(dim.getValue()).raw("</section>");
        }
        out.raw("</div>");
    }

    private static void footer(Html out, AgentStats a, List<String> failedRules) {
        out.raw("<footer class=\"muted\">Quadrant ").text(a.version()).raw(" · ").text(a.attached() ? "attached to the running JVM" : "started with the JVM")
                .raw(" · events seen ").text(a.eventsSeen()).raw(", dropped ").text(a.eventsDropped())
                .raw(" · agent CPU ").text(a.overheadCpuMs()).raw(" ms · errors ").text(a.errors() + failedRules.size());
        for (String note : a.notes()) out.raw("<br>").text(note);
        for (String rule : failedRules) out.raw("<br>rule failed: ").text(rule);
        out.raw("</footer>");
    }
}
