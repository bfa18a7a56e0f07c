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

/**
 * One period's report as a self-contained page: the four dimensions and the top findings first, then each finding
 * with its evidence, the period's charts (server-drawn SVG), the flame graphs (the page's one script, drawing from
 * the profiles embedded as JSON), and the key figures. Nothing is loaded from anywhere: the file opens offline.
 */
public final class HtmlReport {
    static final int TOP_FINDINGS = 5;
    /** The page's script (flame graphs, copy buttons), the only one its policy lets run. */
    static final String SCRIPT = resource("report.js");
    private static final String SCRIPT_HASH = Page.sha256(SCRIPT);  // once, not per report
    static final Map<String, String> PROFILE_TITLES = Map.of(
            "cpu", "CPU", "allocation", "Allocation", "lock", "Lock waits");

    private HtmlReport() {}

    public static String render(Report r) {
        Html out = new Html();
        JvmIdentity jvm = r.jvm();
        Page.open(out, "Quadrant report " + r.sequence() + " — " + jvm.mainClass(), SCRIPT_HASH);
        header(out, r);
        out.raw("<nav class=\"toc\"><div><a href=\"#overview\">Overview</a><a href=\"#findings\">Findings</a>")
                .raw("<a href=\"#timelines\">Timelines</a><a href=\"#profiles\">Flame graphs</a><a href=\"#figures\">Key figures</a></div></nav>");
        out.raw("<main>");
        overview(out, r);
        findings(out, r.diagnosis().findings());
        out.raw("<section id=\"timelines\"><h2>Timelines</h2>");
        Timelines.render(out, r);
        out.raw("</section>");
        profiles(out, r.profiles());
        KeyFigures.render(out, r.metrics());
        out.raw("</main>");
        footer(out, r.agent(), r.diagnosis().failedRules());
        out.raw("<script type=\"application/json\" id=\"q-profiles\">").raw(Json.compact(JsonReport.profiles(r.profiles()))).raw("</script>");
        out.raw("<script>").raw(SCRIPT).raw("</script>");
        Page.close(out);
        return out.toString();
    }

    /**
     * The page Quadrant draws while it sheds work because the host is in trouble: the verdicts and findings, without
     * timelines, flame graphs, key figures or script; {@code json} names the file that has everything.
     */
    public static String lean(Report r, String json) {
        Html out = new Html();
        Page.open(out, "Quadrant report " + r.sequence() + " — " + r.jvm().mainClass());
        header(out, r);
        out.raw("<main><p class=\"muted\">").text("Drawn without timelines, flame graphs and key figures: Quadrant sheds them while the"
                + " host is in trouble (" + r.agent().shedding().reason() + "). Every figure is in ").raw("<a href=\"").text(json).raw("\">")
                .text(json).raw("</a>.</p>");
        overview(out, r);
        findings(out, r.diagnosis().findings());
        out.raw("</main>");
        footer(out, r.agent(), r.diagnosis().failedRules());
        Page.close(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (java.io.InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the jar");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void header(Html out, Report r) {
        JvmIdentity j = r.jvm();
        out.raw("<header><h1>Quadrant report ").text(r.sequence()).raw(" <span class=\"muted\">· ").text(j.mainClass()).raw("</span></h1>")
                .raw("<div class=\"muted\">Window ").text(Page.time(r.windowStart())).raw(" → ").text(Page.time(r.windowEnd()))
                .raw(" (").text(Units.human(Duration.between(r.windowStart(), r.windowEnd()))).raw(") · pid ").text(j.pid())
                .raw(" · Java ").text(j.javaVersion()).raw(" (").text(j.vendor()).raw(") · up ").text(Units.human(Duration.ofMillis(j.uptimeMs())))
                .raw(" · <a href=\"index.html\">all reports</a> · <a href=\"report-").text(String.format("%04d", r.sequence())).raw(".json\">JSON</a></div></header>");
    }

    /** The four tiles, then the top findings in a sentence each, linked to their full entries. */
    private static void overview(Html out, Report r) {
        List<Finding> all = r.diagnosis().findings();
        out.raw("<section id=\"overview\"><section class=\"tiles\" aria-label=\"Dimensions\">");
        for (Dimension d : Dimension.values()) {
            DimensionStatus s = r.diagnosis().status(d);
            out.raw("<div class=\"tile ").raw(Page.statusClass(s.status())).raw("\" data-dimension=\"").raw(d.name()).raw("\">")
                    .element("h2", null, d.name()).element("div", "status", s.status());
            int count = 0, first = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).dimension() != d) continue;
                if (first < 0) first = i;
                count++;
            }
            out.raw("<div class=\"muted\">score ").text(s.score()).raw(" · ").text(count).raw(count == 1 ? " finding" : " findings").raw("</div>");
            if (first >= 0) out.raw("<a class=\"first\" href=\"#finding-").text(first + 1).raw("\">").text(all.get(first).title()).raw("</a>");
            out.raw("</div>");
        }
        out.raw("</section>");
        if (all.isEmpty()) {
            out.raw("<p>Nothing to act on in this period: no rule found a problem.</p>");
        } else {
            out.raw("<h2>Top findings</h2><ol class=\"top\">");
            for (int i = 0; i < Math.min(TOP_FINDINGS, all.size()); i++) {
                Finding f = all.get(i);
                String sev = Page.statusClass(f.severity().name());
                out.raw("<li><span class=\"badge ").raw(sev).raw("\">").text(f.severity()).raw(" ").text(f.score()).raw("</span> ")
                        .raw("<a href=\"#finding-").text(i + 1).raw("\">").text(f.title()).raw("</a> <span class=\"muted\">").text(f.dimension()).raw("</span></li>");
            }
            out.raw("</ol>");
            if (all.size() > TOP_FINDINGS) out.raw("<p class=\"muted\">and ").text(all.size() - TOP_FINDINGS).raw(" more below.</p>");
        }
        out.raw("</section>");
    }

    private static void findings(Html out, List<Finding> findings) {
        out.raw("<section id=\"findings\"><h2>Findings</h2>");
        if (findings.isEmpty()) { out.raw("<p class=\"muted\">Nothing found in this window.</p></section>"); return; }
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
        out.raw("</section>");
    }

    /** A box per profile; the script draws into it from the embedded JSON. */
    private static void profiles(Html out, Map<String, Report.Profile> profiles) {
        out.raw("<section id=\"profiles\"><h2>Flame graphs</h2><p class=\"muted\">Callers above callees, width is the share of")
                .raw(" the period. Click a frame to zoom on it, Reset or Escape to zoom out; search takes text or /regex/ and")
                .raw(" colours the matching frames.</p>");
        out.raw("<noscript><p>The flame graphs need JavaScript; the same call trees are in this report's JSON under")
                .raw(" <code>profiles</code>.</p></noscript>");
        for (Map.Entry<String, Report.Profile> e : profiles.entrySet()) {
            Report.Profile p = e.getValue();
            String title = PROFILE_TITLES.getOrDefault(e.getKey(), e.getKey());
            String unit = switch (p.unit()) {
                case "bytes" -> "bytes allocated, from JFR's allocation samples";
                case "us" -> "time waited to enter monitors and take java.util.concurrent locks";
                default -> "CPU time, from " + (p.source().contains("dump") ? "thread dumps of busy threads" : "JFR's execution samples");
            };
            out.raw("<div class=\"flame\" tabindex=\"0\" id=\"flame-").text(e.getKey()).raw("\" data-profile=\"").text(e.getKey()).raw("\">")
                    .raw("<div class=\"bar\"><h3>").text(title).raw("</h3><input type=\"search\" placeholder=\"Search frames\" aria-label=\"Search ")
                    .text(title).raw(" frames\"><button type=\"button\" class=\"reset\">Reset</button></div>")
                    .raw("<div class=\"flame-status\">").text(unit).raw("</div>")
                    .raw("<div class=\"canvas\"><canvas height=\"0\"></canvas></div><div class=\"flame-tip\" hidden></div></div>");
        }
        out.raw("</section>");
    }

    private static void footer(Html out, AgentStats a, List<String> failedRules) {
        out.raw("<footer class=\"muted\">Quadrant ").text(a.version()).raw(" · ").text(a.attached() ? "attached to the running JVM" : "started with the JVM")
                .raw(" · events seen ").text(a.eventsSeen()).raw(", dropped ").text(a.eventsDropped())
                .raw(" · agent CPU ").text(a.overheadCpuMs()).raw(" ms · errors ").text(a.errors() + failedRules.size());
        if (a.shedding().happened()) {
            out.raw("<br>").text("Shed while the host was in trouble (" + a.shedding().reason() + "): " + String.join(", ", a.shedding().skipped()));
        }
        if (a.threadSampling().backedOff()) {
            out.raw("<br>").text("Thread dumps backed off to one every " + a.threadSampling().periodMs() + " ms (longest "
                    + a.threadSampling().longestDumpMs() + " ms)");
        }
        for (String note : a.notes()) out.raw("<br>").text(note);
        for (String rule : failedRules) out.raw("<br>rule failed: ").text(rule);
        out.raw("</footer>");
    }
}
