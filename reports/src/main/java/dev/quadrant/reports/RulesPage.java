package dev.quadrant.reports;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import java.util.List;

/** The rule catalogue as a page: one entry per rule, anchored by its id, which every finding links to. */
public final class RulesPage {
    private RulesPage() {}

    public static String render(List<Rule> rules) {
        Html out = new Html();
        Page.open(out, "Quadrant rule catalogue");
        out.raw("<h1>Rule catalogue</h1><p class=\"muted\">What each rule detects, the thresholds it applies, the usual fix,"
                + " and how to confirm it by hand. Scores run 0-100: under 25 OK, 25-74 WARNING, 75 and up CRITICAL.</p>");
        for (Dimension d : Dimension.values()) {
            out.element("h2", null, d.name());
            for (Rule r : rules) {
                if (r.dimension() != d) continue;
                RuleInfo i = r.info();
                out.raw("<article class=\"finding\" id=\"").text(r.id()).raw("\">")
                        .raw("<code>").text(r.id()).raw("</code>")
                        .element("h3", null, i.title())
                        .element("p", null, i.explanation())
                        .raw("<h4>Thresholds</h4>").element("p", null, i.thresholds())
                        .raw("<h4>Fix</h4>").element("p", null, i.fix())
                        .raw("<h4>Verify</h4>").element("pre", "verify", i.verify())
                        .raw("</article>");
            }
        }
        Page.close(out);
        return out.toString();
    }

    /** The same catalogue as plain text, for a terminal. */
    public static String text(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            RuleInfo i = r.info();
            b.append(r.id()).append("  [").append(r.dimension()).append("]  ").append(i.title()).append('\n')
                    .append("  detects:    ").append(i.explanation()).append('\n')
                    .append("  thresholds: ").append(i.thresholds()).append('\n')
                    .append("  fix:        ").append(i.fix()).append('\n')
                    .append("  verify:     ").append(i.verify()).append("\n\n");
        }
        return b.toString();
    }
}
