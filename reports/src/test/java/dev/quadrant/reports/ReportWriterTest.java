package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quadrant.core.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir Path dir;

    @Test void writesNumberedLatestAndIndexFilesWithNoTempLeft() throws IOException {
        ReportWriter w = new ReportWriter(dir, 10);
        assertThat(w.nextSequence()).isEqualTo(1);
        w.write(Reports.report(w.nextSequence(), "a"));
        w.write(Reports.report(w.nextSequence(), "b"));
        assertThat(names()).containsExactlyInAnyOrder("report-0001.json", "report-0001.html", "report-0002.json", "report-0002.html",
                "latest.json", "latest.html", "index.html", "rules.html");
        assertThat(Files.readString(dir.resolve("latest.json"))).isEqualTo(Files.readString(dir.resolve("report-0002.json")));
        assertThat(Files.readString(dir.resolve("index.html"))).contains("report-0002.html", "report-0001.html");
    }

    @Test void rotatesPastTheLimit() throws IOException {
        ReportWriter w = new ReportWriter(dir, 2);
        for (int i = 0; i < 5; i++) w.write(Reports.report(w.nextSequence(), "r" + i));
        assertThat(names()).contains("report-0004.json", "report-0005.json").doesNotContain("report-0001.json", "report-0003.html");
        String index = Files.readString(dir.resolve("index.html"));
        assertThat(index).contains("report-0005.html").doesNotContain("report-0003.html");
    }

    @Test void continuesNumberingAfterAnEarlierRun() throws IOException {
        Files.writeString(dir.resolve("report-0041.json"), "{}");
        ReportWriter w = new ReportWriter(dir, 100);
        assertThat(w.nextSequence()).isEqualTo(42);
    }

    @Test void anUnwritableFolderFailsWithAnIOException() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> new ReportWriter(file.resolve("sub"), 10)).isInstanceOf(IOException.class);
    }

    @Test void aPageThatFailsStillLeavesTheJsonAndTheIndex() throws IOException {
        ReportWriter w = new ReportWriter(dir, 10, List.of(new JsonOutput(), failing("html")));
        assertThatThrownBy(() -> w.write(Reports.report(w.nextSequence(), "a")))
                .isInstanceOfSatisfying(ReportOutputException.class, e -> assertThat(e.failed()).containsExactly("html"))
                .hasMessageContaining("html").hasRootCauseMessage("html broke");
        assertThat(names()).containsExactlyInAnyOrder("report-0001.json", "latest.json", "index.html", "rules.html");
        assertThat(w.nextSequence()).as("the JSON was written, so its number is spent").isEqualTo(2);
    }

    @Test void aJsonThatFailsStillLeavesThePage() throws IOException {
        ReportWriter w = new ReportWriter(dir, 10, List.of(failing("json"), new HtmlOutput()));
        assertThatThrownBy(() -> w.write(Reports.report(w.nextSequence(), "a")))
                .isInstanceOfSatisfying(ReportOutputException.class, e -> assertThat(e.failed()).containsExactly("json"));
        assertThat(names()).containsExactlyInAnyOrder("report-0001.html", "latest.html", "index.html", "rules.html");
    }

    @Test void whenNoOutputWritesTheFolderAndTheNumberStayAsTheyWere() throws IOException {
        ReportWriter w = new ReportWriter(dir, 10, List.of(failing("json"), failing("html")));
        assertThatThrownBy(() -> w.write(Reports.report(w.nextSequence(), "a")))
                .isInstanceOfSatisfying(ReportOutputException.class, e -> assertThat(e.failed()).containsExactly("json", "html"))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(names()).containsExactly("rules.html");
        assertThat(w.nextSequence()).isEqualTo(1);
    }

    @Test void anExtraOutputGetsEachReportAfterTheFiles() throws IOException {
        List<String> seen = new ArrayList<>();
        ReportOutput extra = new ReportOutput() {
            @Override public String name() { return "extra"; }
            @Override public void write(Report report, Target target) {
                seen.add(target.baseName() + " " + target.fullPage() + " " + Files.exists(target.file(".html")));
            }
        };
        ReportWriter w = new ReportWriter(dir, 10, extra);
        w.write(Reports.report(w.nextSequence(), "a"), false);
        assertThat(seen).containsExactly("report-0001 false true");
        assertThat(names()).contains("report-0001.json", "report-0001.html", "index.html");
    }

    private static ReportOutput failing(String name) {
        return new ReportOutput() {
            @Override public String name() { return name; }
            @Override public void write(Report report, Target target) { throw new IllegalStateException(name + " broke"); }
        };
    }

    private Stream<String> namesStream() throws IOException { return Files.list(dir).map(p -> p.getFileName().toString()); }

    private List<String> names() throws IOException {
        try (Stream<String> s = namesStream()) { return s.toList(); }
    }
}
