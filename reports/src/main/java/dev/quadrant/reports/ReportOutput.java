package dev.quadrant.reports;

import dev.quadrant.core.Report;
import java.io.IOException;
import java.nio.file.Path;

/** One thing a report becomes when written (its JSON, its page, the index); {@link ReportWriter} runs each in turn. */
public interface ReportOutput {
    /** Short and stable ("json", "html"): a failed write names its outputs by it. */
    String name();

    void write(Report report, Target target) throws IOException;

    /**
     * Where one report goes: the folder and its file base name ({@code report-NNNN}); without {@code fullPage} the HTML
     * page has only the verdicts and findings (what the agent draws while the host is in trouble).
     */
    record Target(Path dir, String baseName, boolean fullPage) {
        public Path file(String suffix) { return dir.resolve(baseName + suffix); }
    }
}
