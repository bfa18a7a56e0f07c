package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.JfrUserApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JFR is shared: an operator stops every recording they do not know with jcmd, reconfigures JFR, dumps it, deletes
 * its repository; the application records itself. The host runs on, every recording but Quadrant's own stream is
 * intact, and Quadrant says what it lost and streams again. On JDK 25 a stopped stream goes silent instead of ending,
 * so both JDKs are tried.
 */
@Tag("e2e")
class JfrInterferenceTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern RECORDING = Pattern.compile("(?m)^Recording (\\d+): name=(.*?) ");
    private static final Pattern JVM_LOG = Pattern.compile("(?m)^\\[[0-9.]+s\\]\\[\\w+\\s*\\]\\[jfr.*\\n?");

    @ParameterizedTest
    @ValueSource(strings = {"17", "25"})
    void anOperatorAndTheApplicationUseJfrBesideQuadrant(String jdk) throws Exception {
        Path home = jdk.equals("17") ? AttachTest.JDK17 : NewestJdkTest.JDK;
        assumeTrue(Files.isExecutable(home.resolve("bin/java")), "no JDK at " + home);
        Path work = Files.createDirectories(TargetJvm.RUNS.resolve("jfr-" + jdk + "-" + System.nanoTime()));
        try (TargetJvm app = new TargetJvm.Launch(JfrUserApp.class).on(home).agent("interval=1s")
                .args(work.resolve("audit.jfr").toString(), work.resolve("committed.txt").toString(), "10").start()) {
            String pid = Long.toString(app.pid());
            await().atMost(WAIT).until(() -> app.stdout().contains("recording started") && app.reports().size() >= 1);

            assertThat(jcmd(home, pid, "JFR.start", "name=op", "duration=3s", "filename=" + work.resolve("op.jfr")).exit()).isZero();
            String check = jcmd(home, pid, "JFR.check").out();
            int stopped = 0;
            for (Matcher m = RECORDING.matcher(check); m.find(); ) {
                if (m.group(2).equals("acme-audit") || m.group(2).equals("op")) continue;
                assertThat(jcmd(home, pid, "JFR.stop", "name=" + m.group(1)).exit()).isZero();
                stopped++;
            }
            assertThat(stopped).as("Quadrant's stream is a recording an operator sees: " + check).isPositive();
            JsonNode restarted = awaitReport(app, r -> r.at("/agent/notes").toString().contains("was restarted"));
            int afterRestart = restarted.get("sequence").asInt();

            assertThat(jcmd(home, pid, "JFR.configure", "repositorypath=" + work.resolve("repository")).exit()).isZero();
            Cli.Result dumped = jcmd(home, pid, "JFR.dump", "filename=" + work.resolve("all.jfr"));
            assertThat(dumped.out()).as(dumped.toString()).contains("Dumped recording");
            // the chunk being written is lost with the repository, for every recording: once the application's has been dumped
            await().atMost(WAIT).until(() -> app.stdout().contains("recording dumped"));
            deleteTree(Path.of(property(home, pid, "jdk.jfr.repository")));

            awaitReport(app, r -> r.get("sequence").asInt() > afterRestart + 2 && r.at("/profiles/cpu/source").asText().equals("jfr-execution-samples")
                    && r.at("/agent/eventsSeen").asLong() > 0 && r.at("/agent/notes").toString().contains("repository"));
            assertThat(app.awaitExit(WAIT)).as(app.describe()).isZero();
            assertThat(JVM_LOG.matcher(app.stdout()).replaceAll("")).isEqualTo("recording started\nrecording dumped\ndone\n");
            Host.assertUnharmed(app);

            long committed = Long.parseLong(Files.readString(work.resolve("committed.txt")).strip());
            assertThat(count(work.resolve("audit.jfr"), "acme.Checkout")).as("the application's own recording").isEqualTo(committed);
            assertThat(count(work.resolve("audit.jfr"), "jdk.ExecutionSample")).isPositive();
            assertThat(count(work.resolve("op.jfr"), "jdk.ExecutionSample")).as("the operator's recording").isPositive();
            assertThat(count(work.resolve("all.jfr"), "jdk.GarbageCollection") + count(work.resolve("all.jfr"), "jdk.ExecutionSample")).isPositive();
            assertThat(Host.agentErrors(app)).isZero();
        }
    }

    private static JsonNode awaitReport(TargetJvm app, java.util.function.Predicate<JsonNode> p) {
        JsonNode[] found = {null};
        await().atMost(WAIT).alias(app.describe()).until(() -> {
            List<JsonNode> reports = app.reports();
            for (JsonNode r : reports) if (p.test(r)) { found[0] = r; return true; }
            return false;
        });
        return found[0];
    }

    private static long count(Path recording, String event) throws Exception {
        long n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) if (e.getEventType().getName().equals(event)) n++;
        return n;
    }

    private static Cli.Result jcmd(Path home, String pid, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = pid;
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.jcmd(home, all);
    }

    private static String property(Path home, String pid, String key) throws Exception {
        for (String line : jcmd(home, pid, "VM.system_properties").out().lines().toList()) {
            if (line.startsWith(key + "=")) return line.substring(key.length() + 1).replace("\\:", ":");
        }
        throw new AssertionError(key + " not set in " + pid);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
