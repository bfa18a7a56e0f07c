package dev.quadrant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The overhead benchmark: a smoke run in every build (no timing asserted), the full run on demand. */
class OverheadTest {
    static final Path AGENT_JAR = Path.of(System.getProperty("quadrant.agent.jar", "../../agent/target/quadrant-agent.jar"));

    @Test @Tag("e2e") void smokeRunProducesEveryFigure() throws Exception {
        String report = Overhead.run(new Overhead.Settings(1, 1, 1, 50, 2, 1, AGENT_JAR.toAbsolutePath(), null));
        assertThat(report).contains("| throughput at full load", "| p99 latency at fixed rate", "| RSS (MiB)", "| live heap after GC",
                "| time to main (ms)", "| time to first served request");
        assertThat(report).doesNotContain("NaN");
    }

    /** The full benchmark, 10 pairs: {@code mvn -B verify -pl src/test -Dgroups=benchmark -Dquadrant.excludedGroups=none}. */
    @Test @Tag("benchmark") void fullRun() throws Exception {
        Path out = Path.of(System.getProperty("quadrant.bench.out", "target/overhead.md")).toAbsolutePath();
        String report = Overhead.run(new Overhead.Settings(10, 5, 10, 300, 8, 10, AGENT_JAR.toAbsolutePath(), out));
        Files.writeString(out, report);
        System.out.println(report);
    }
}
