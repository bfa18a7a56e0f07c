package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.HealthyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/**
 * A {@code -javaagent} in JAVA_TOOL_OPTIONS (how agents are often rolled out to a whole container) reaches every JVM,
 * the JDK's own tools too: those run as if it were not there, with no report folder, no output, no time to speak of.
 */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class JdkToolsTest {
    static final Path BIN = Path.of(System.getProperty("java.home"), "bin");
    static final long EXTRA_MILLIS_LIMIT = 300;  // a loose bound on a loaded machine; the figure measured goes into docs

    record Run(int exit, String out, long millis, Path dir) {}

    @Test void jdkToolsRunAsWithoutTheAgent() throws Exception {
        try (TargetJvm target = new TargetJvm.Launch(HealthyService.class).start()) {
            String pid = Long.toString(target.pid());
            for (List<String> tool : List.of(List.of("javac", "-version"), List.of("jcmd", pid, "VM.version"), List.of("jps", "-l"),
                    List.of("java", "-version"))) {
                Run without = run(tool, "-Dquadrant.not.here=1");
                Run with = run(tool, "-javaagent:" + TargetJvm.AGENT_JAR);
                assertThat(with.exit()).as(tool + "\n" + with.out()).isEqualTo(without.exit());
                if (tool.get(0).equals("jps")) {
                    assertThat(with.out()).as(tool.toString()).contains(pid + " " + HealthyService.class.getName());
                } else {
                    assertThat(with.out()).as(tool.toString()).isEqualTo(without.out());
                }
                assertThat(with.out()).doesNotContain("quadrant:");
                try (var files = Files.list(with.dir())) {
                    assertThat(files.map(p -> p.getFileName().toString())).as("nothing written where " + tool + " ran").containsOnly("out.txt");
                }
            }
        }
    }

    /** The cost, median of several runs each way: the JVM opening the agent jar and calling premain, which returns at once. */
    @Test void aToolPaysOnlyForTheJarBeingOpened() throws Exception {
        List<Long> without = new ArrayList<>(), with = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            without.add(run(List.of("javac", "-version"), "-Dquadrant.not.here=1").millis());
            with.add(run(List.of("javac", "-version"), "-javaagent:" + TargetJvm.AGENT_JAR).millis());
        }
        long extra = median(with) - median(without);
        System.out.printf("javac -version with JAVA_TOOL_OPTIONS=-javaagent:quadrant-agent.jar: %+d ms (median of 5: %d vs %d ms)%n",
                extra, median(with), median(without));
        assertThat(extra).isLessThan(EXTRA_MILLIS_LIMIT);
    }

    private static long median(List<Long> values) {
        Long[] v = values.toArray(new Long[0]);
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Runs a JDK tool with JAVA_TOOL_OPTIONS set, in a fresh folder; its stdout and stderr together, minus the JVM's "Picked up" line. */
    private static Run run(List<String> tool, String toolOptions) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(TargetJvm.RUNS.resolve("tool-" + tool.get(0) + "-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(tool);
        cmd.set(0, BIN.resolve(tool.get(0)).toString());
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        b.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        long started = System.nanoTime();
        Process p = b.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not end within 60 s");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String out = Files.readString(dir.resolve("out.txt")).lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return new Run(p.exitValue(), out, millis, dir);
    }
}
