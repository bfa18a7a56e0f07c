package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.collectors.Faults;
import dev.quadrant.core.AgentStats;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.reports.ReportOutput;
import dev.quadrant.reports.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSinkTest {
    @TempDir Path dir;
    private final Faults faults = new Faults();
    private final List<String> notes = new ArrayList<>();

    private static Report report(int sequence) {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Window w = new WindowBuilder(1, t0).build(t0.plusSeconds(10), List.of());
        return Report.of(sequence, new JvmIdentity(1, "17", "vendor", "com.acme.Main", 1000), w, new RuleRunner(List.of()).run(w),
                new AgentStats("test", AgentStats.STARTED_WITH_JVM, 0, 0, 0, 0, List.of()));
    }

    private static final class Failing implements ReportOutput {
        boolean fail = true;

        @Override public String name() { return "meters"; }

        @Override public void write(Report report, Target target) throws IOException {
            if (fail) throw new IOException("exporter down");
        }
    }

    @Test void aReportWhoseJsonWasWrittenIsNotLostWhenAnotherOutputFails() throws IOException {
        ReportSink sink = new ReportSink(new ReportWriter(dir, 5, new Failing()), faults, notes::add);
        sink.write(report(sink.nextSequence()), true);
        sink.write(report(sink.nextSequence()), true);

        assertThat(dir.resolve("report-0001.json")).exists();
        assertThat(dir.resolve("report-0002.json")).exists();
        assertThat(faults.count()).isEqualTo(2);
        assertThat(notes).isEmpty();  // nothing was lost
    }

    @Test void reportsThatCouldNotBeWrittenAreSaidToBeLostOnceWritingWorksAgain() throws IOException {
        ReportSink sink = new ReportSink(new ReportWriter(dir, 5), faults, notes::add);
        Path blocked = dir.resolve("report-0001.json");
        Files.createDirectories(blocked.resolve("occupied"));  // a directory where the JSON goes: its move fails
        sink.write(report(1), true);
        assertThat(faults.count()).isEqualTo(1);

        Files.delete(blocked.resolve("occupied"));
        Files.delete(blocked);
        sink.write(report(2), true);
        assertThat(notes).singleElement().asString().startsWith("1 report(s) from ").contains("could not be written");
    }
}
