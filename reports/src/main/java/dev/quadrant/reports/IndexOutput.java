package dev.quadrant.reports;

import dev.quadrant.core.Report;
import java.io.IOException;
import java.util.List;

/** Writes {@code index.html} over the reports still kept. */
final class IndexOutput implements ReportOutput {
    private final List<IndexPage.Entry> kept;

    /** {@code kept} is the writer's list, oldest first, read at each write (the writer adds to it and prunes it). */
    IndexOutput(List<IndexPage.Entry> kept) { this.kept = kept; }

    @Override public String name() { return "index"; }

    @Override public void write(Report report, Target target) throws IOException {
        ReportWriter.writeAtomically(target.dir().resolve("index.html"), IndexPage.render(report.jvm().mainClass(), report.jvm().pid(), kept));
    }
}
