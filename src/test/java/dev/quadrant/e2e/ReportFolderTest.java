package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quadrant.e2e.scenarios.HealthyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The report folder fails under a running agent: deleted, replaced by a file, full. No exception reaches
 * the host; the folder comes back or the agent says once on stderr that it cannot write; what was written is never
 * half a file; writing resumes when it can.
 */
@Tag("e2e")
class ReportFolderTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test void aFolderDeletedWhileRunningComesBack() throws Exception {
        try (TargetJvm jvm = new TargetJvm.Launch(HealthyService.class).agent("interval=500ms").start()) {
            jvm.awaitReports(2, WAIT);
            deleteTree(jvm.out);
            await().atMost(WAIT).until(() -> Files.exists(jvm.out.resolve("latest.json")));
            await().atMost(WAIT).until(() -> jvm.reports().stream().anyMatch(r -> r.at("/agent/notes").toString().contains("created again")));
            assertThat(jvm.out.resolve("rules.html")).exists();
            assertThat(Files.readString(jvm.out.resolve("quadrant.log"))).contains("was deleted while Quadrant ran");
            Host.assertNoHalfFiles(jvm);
            Host.assertUnharmed(jvm);
            assertThat(Host.ownLines(jvm)).isEmpty();
        }
    }

    /** Root writes through any permission: a file where the folder was is what stops even root. */
    @Test void aFolderReplacedByAFileIsSaidOnceAndWritingResumes() throws Exception {
        try (TargetJvm jvm = new TargetJvm.Launch(HealthyService.class).agent("interval=500ms").start()) {
            jvm.awaitReports(2, WAIT);
            Path moved = jvm.out.resolveSibling("reports-moved");
            Files.move(jvm.out, moved);
            Files.writeString(jvm.out, "not a folder");
            await().atMost(WAIT).until(() -> !Host.ownLines(jvm).isEmpty());
            Thread.sleep(2_000);  // four more periods fail: still one line
            assertThat(Host.ownLines(jvm)).singleElement().asString().startsWith("quadrant: cannot write reports to '" + jvm.out + "'")
                    .contains("tries again every period");
            Files.delete(jvm.out);
            Files.move(moved, jvm.out);
            await().atMost(WAIT).until(() -> jvm.reports().stream().anyMatch(r -> r.at("/agent/notes").toString().contains("could not be written")));
            assertThat(Host.ownLines(jvm)).hasSize(1);
            Host.assertNoHalfFiles(jvm);
            Host.assertUnharmed(jvm);
        }
    }

    /** A small file system of its own, filled up twice; needs root to mount it. */
    @Test void aFullFolderIsSaidOnceAndNothingIsHalfWritten() throws Exception {
        Path mount = Files.createDirectories(TargetJvm.RUNS.resolve("tmpfs-" + System.nanoTime()));
        boolean mounted = sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0;
        assumeTrue(mounted || !"true".equals(System.getenv("CI")), "CI runs as root and must be able to mount a tmpfs");
        assumeTrue(mounted, "mounting a tmpfs needs root");
        try (TargetJvm jvm = new TargetJvm.Launch(HealthyService.class).agent("interval=500ms").out(mount.resolve("reports")).start()) {
            jvm.awaitReports(2, WAIT);
            Path filler = mount.resolve("filler");
            fill(filler);
            await().atMost(WAIT).until(() -> !Host.ownLines(jvm).isEmpty());
            assertThat(Host.ownLines(jvm)).singleElement().asString().contains("No space left on device");
            Thread.sleep(2_000);
            Host.assertNoHalfFiles(jvm);
            int sequenceWhileFull = latestSequence(jvm);
            Files.delete(filler);
            await().atMost(WAIT).until(() -> latestSequence(jvm) > sequenceWhileFull);
            await().atMost(WAIT).until(() -> jvm.reports().stream().anyMatch(r -> r.at("/agent/notes").toString().contains("could not be written")));
            fill(filler);  // full again: no second line
            Thread.sleep(2_000);
            assertThat(Host.ownLines(jvm)).as("said once a run").hasSize(1);
            Host.assertNoHalfFiles(jvm);
            Files.delete(filler);
            Host.assertUnharmed(jvm);
            jvm.close();
            assertThat(Host.agentErrors(jvm)).as("failed writes are counted").isPositive();
        } finally {
            sh("umount", "-l", mount.toString());
        }
    }

    private static int latestSequence(TargetJvm jvm) {
        List<com.fasterxml.jackson.databind.JsonNode> r = jvm.reports();
        return r.isEmpty() ? 0 : r.get(r.size() - 1).get("sequence").asInt();
    }

    /** Writes until the file system refuses. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
