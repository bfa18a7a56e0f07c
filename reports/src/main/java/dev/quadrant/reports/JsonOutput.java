package dev.quadrant.reports;

import dev.quadrant.core.Report;
import java.io.IOException;

/** Writes {@code report-NNNN.json} and {@code latest.json}. */
final class JsonOutput implements ReportOutput {
    @Override public String name() { return "json"; }

    @Override public void write(Report report, Target target) throws IOException {
        String json = JsonReport.render(report);
        ReportWriter.writeAtomically(target.file(".json"), json);
        ReportWriter.writeAtomically(target.dir().resolve("latest.json"), json);
    }
}
