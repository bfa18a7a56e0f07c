package dev.quadrant.reports;

import dev.quadrant.core.Report;
import java.io.IOException;

/** Writes {@code report-NNNN.html} and {@code latest.html}, the full page or the lean one. */
final class HtmlOutput implements ReportOutput {
    @Override public String name() { return "html"; }

    @Override public void write(Report report, Target target) throws IOException {
        String html = target.fullPage() ? HtmlReport.render(report) : HtmlReport.lean(report, target.baseName() + ".json");
        ReportWriter.writeAtomically(target.file(".html"), html);
        ReportWriter.writeAtomically(target.dir().resolve("latest.html"), html);
    }
}
