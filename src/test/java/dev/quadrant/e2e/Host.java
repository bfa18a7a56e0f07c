package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every host-safety test asserts of an application run with the agent: it ended by itself on time, its own
 * output and exit code are what they are without the agent, the JVM did not crash, nothing of Quadrant reached its
 * stderr beyond the documented one-line messages, and the agent counted no errors of its own.
 */
final class Host {
    static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    /** Lines of the application's output that differ from run to run by design (times it prints for the test). */
    private static final Pattern VOLATILE = Pattern.compile("(exiting|ready at) \\d+");
    /** The one-line messages Quadrant may print on the host's stderr; each starts with "quadrant: ". */
    private static final Pattern OWN_LINE = Pattern.compile("^quadrant: .*");
    /** Quadrant's own packages (the test scenarios live in dev.quadrant.e2e). */
    private static final Pattern QUADRANT_CODE = Pattern.compile("dev\\.quadrant\\.(agent|collectors|core|reports|bootstrap|shaded)\\.");

    private Host() {}

    /** How one run of an application ended: its output with the volatile parts masked, its exit code, how long its exit took. */
    record Outcome(TargetJvm jvm, String stdout, int exitCode, long exitMillis) {}

    /**
     * Runs {@code launch} to its end (within {@link #RUN_LIMIT}); {@code during} acts on it while it runs (a signal, a
     * jcmd) and returns when it asked it to end, in epoch milliseconds, or 0. The exit time runs from there, or from
     * the epoch milliseconds the application prints as {@code exiting <ms>}, to the end of the process.
     */
    static Outcome run(TargetJvm.Launch launch, During during) throws Exception {
        try (TargetJvm jvm = launch.start()) {
            long asked = during == null ? 0 : during.act(jvm);
            int code = jvm.awaitExit(RUN_LIMIT);
            String out = jvm.stdout();
            var m = Pattern.compile("exiting (\\d+)").matcher(out);
            long from = asked != 0 ? asked : m.find() ? Long.parseLong(m.group(1)) : 0;
            long exitMillis = from == 0 ? -1 : jvm.exitedAtMillis() - from;
            return new Outcome(jvm, VOLATILE.matcher(out).replaceAll("$1 <t>"), code, exitMillis);
        }
    }

    static Outcome run(TargetJvm.Launch launch) throws Exception { return run(launch, null); }

    interface During {
        long act(TargetJvm jvm) throws Exception;
    }

    /** The application behaved with the agent exactly as without it; nothing of the agent leaked into it. */
    static void assertSameAsWithout(Outcome without, Outcome with) throws IOException {
        assertThat(with.stdout()).as("the application's output with the agent; " + with.jvm().describe()).isEqualTo(without.stdout());
        assertThat(with.exitCode()).as("exit code; " + with.jvm().describe()).isEqualTo(without.exitCode());
        assertUnharmed(with.jvm());
    }

    /** No JVM crash, no Quadrant output on the host's stderr but its own one-liners, no Quadrant thread dying there. */
    static void assertUnharmed(TargetJvm jvm) throws IOException {
        try (Stream<Path> files = Files.list(jvm.runDir())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err"))).as("JVM crash logs").isEmpty();
        }
        List<String> lines = jvm.stderr().lines().toList();
        assertThat(lines).as("stack traces or exceptions of Quadrant on the host's stderr; " + jvm.describe())
                .noneMatch(l -> QUADRANT_CODE.matcher(l).find() && !OWN_LINE.matcher(l).matches())
                .noneMatch(l -> l.contains("Exception in thread \"quadrant-"))
                .noneMatch(l -> l.contains("java.lang.instrument ASSERTION FAILED"));  // a transformer called with the heap exhausted
    }

    /** Quadrant's own one-line messages on the host's stderr. */
    static List<String> ownLines(TargetJvm jvm) {
        return jvm.stderr().lines().filter(l -> OWN_LINE.matcher(l).matches()).toList();
    }

    /** The errors the agent counted over all its reports. */
    static long agentErrors(TargetJvm jvm) {
        return jvm.reports().stream().mapToLong(r -> r.at("/agent/errors").asLong()).sum();
    }

    /** The agent's own log, empty if it wrote none. */
    static String log(TargetJvm jvm) throws IOException {
        Path log = jvm.out.resolve("quadrant.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Every report-*.json and latest.json parses: nothing was left half written. */
    static void assertNoHalfFiles(TargetJvm jvm) throws IOException {
        try (Stream<Path> files = Files.list(jvm.out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode n = StrictJson.read(p);
                assertThat(n.get("schema").asText()).as(p.toString()).isEqualTo("quadrant-report/1");
            }
        }
    }
}
