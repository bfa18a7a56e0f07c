package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.Faults;
import dev.quadrant.core.Report;
import dev.quadrant.reports.ReportOutputException;
import dev.quadrant.reports.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where reports go, and what the agent does when they cannot: a folder deleted under the agent is created again; one
 * that cannot take a report (full, read-only, replaced by a file) is said once on stderr, the next periods try again,
 * and the first that succeeds says in its report how many were lost. A report whose JSON was written is not lost: its
 * page or index failing alone is counted under the output's name. The tick's thread only.
 */
final class ReportSink {
    private static final Logger LOG = LoggerFactory.getLogger(ReportSink.class);

    private final ReportWriter writer;
    private final Faults faults;
    private final Consumer<String> note;
    private long unwritten;            // reports that could not be written since the last one that could
    private Instant unwrittenSince;
    private boolean toldUnwritable;    // the stderr line is said once a run

    ReportSink(Options options, Faults faults, Consumer<String> note) throws IOException {
        this(new ReportWriter(options.out(), options.keep()), faults, note);
    }

    ReportSink(ReportWriter writer, Faults faults, Consumer<String> note) {
        this.writer = writer;
        this.faults = faults;
        this.note = note;
    }

    Path dir() { return writer.dir(); }

    int nextSequence() { return writer.nextSequence(); }

    /** Without {@code page} the HTML has only the verdicts and findings (what the agent draws while the host is in trouble). */
    void write(Report report, boolean page) {
        try {
            if (writer.recreateIfDeleted()) {
                LogFile.open(writer.dir());
                LOG.warn("The report folder {} was deleted while Quadrant ran; created again", writer.dir());
                note.accept("The report folder was deleted while Quadrant ran and was created again; this run's earlier reports are gone");
            }
            writer.write(report, page);
        } catch (ReportOutputException partial) {
            faults.record("report " + String.join(", ", partial.failed()), partial);
            if (partial.failed().contains("json")) {
                unwritable(report, partial);
                return;
            }
        } catch (Throwable t) {
            faults.record("report write", t);
            unwritable(report, t);
            return;
        }
        if (unwritten > 0) {
            LogFile.open(writer.dir());
            LOG.warn("Writing reports again after {} unwritten", unwritten);
            note.accept(unwritten + " report(s) from " + unwrittenSince + " could not be written to " + writer.dir() + " and are lost");
            unwritten = 0;
        }
    }

    private void unwritable(Report report, Throwable t) {
        if (unwritten++ == 0) unwrittenSince = report.windowStart();
        if (!toldUnwritable) {
            toldUnwritable = true;
            System.err.println("quadrant: cannot write reports to '" + writer.dir() + "' (" + ReportOutputException.reason(t) + "); Quadrant goes on"
                    + " diagnosing and tries again every period. The application is not affected.");
        }
    }
}
