package dev.quadrant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The overhead benchmark: a smoke run in every build (no timing asserted), the full run on demand. */
@org.junit.jupiter.api.parallel.Isolated  // measures: needs the machine to itself
class OverheadTest {
    static final Path AGENT_JAR = Path.of(System.getProperty("quadrant.agent.jar", "../../agent/target/quadrant-agent.jar"));

    @Test @Tag("e2e") void smokeRunProducesEveryFigure() throws Exception {
        String report = Overhead.run(new Overhead.Settings(1, 1, 1, 1, 1, 50, 2, AGENT_JAR.toAbsolutePath(), "", null));
        for (Report.Metric m : Report.METRICS) assertThat(report).contains("| " + m.name() + " |");
        assertThat(report).contains("| 1 | none |", "| 1 | jfr |", "| 1 | quadrant |").doesNotContain("NaN", "Infinity");
    }

    /** The heap's resident pages are found (so non-heap RSS is RSS minus something real) in this very JVM. */
    @Test @Tag("e2e") void heapResidencyIsReadFromTheProcess() throws Exception {
        long pid = ProcessHandle.current().pid();
        double heap = Overhead.heapResidentMiB(pid), rss = Overhead.rssMiB(pid);
        assertThat(heap).isPositive().isLessThan(rss);
    }

    /** The full benchmark: {@code mvn -B verify -pl src/test -Dgroups=benchmark -Dquadrant.excludedGroups=none}. */
    @Test @Tag("benchmark") void fullRun() throws Exception {
        Path out = Path.of(System.getProperty("quadrant.bench.out", "target/overhead.md")).toAbsolutePath();
        Overhead.Settings defaults = Overhead.settings(new String[0]);
        String report = Overhead.run(defaults.withAgent(AGENT_JAR.toAbsolutePath(), ""));
        Files.writeString(out, report);
        System.out.println(report);
    }
}
