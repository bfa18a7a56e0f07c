package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.CheckoutPoolSaturationScenario;
import dev.quadrant.e2e.scenarios.LedgerLockScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Loading Quadrant into running JVMs: the CLI's attach, list and stop, jcmd, and their errors. */
@Tag("e2e")
class AttachTest {
    static final Path JDK17 = Path.of(System.getProperty("java.home"));
    static final Duration DETECTION = Duration.ofSeconds(45);

    @Test void attachTwiceListStopAndAttachAgain() throws Exception {
        try (TargetJvm app = new TargetJvm.Launch(LedgerLockScenario.class).start()) {
            String pid = Long.toString(app.pid());
            Path out = app.runDir().resolve("reports");

            Cli.Result attached = Cli.run("attach", pid, "out=" + out + ",interval=1s");
            assertThat(attached.exit()).as(attached.toString()).isZero();
            assertThat(attached.out()).contains("Quadrant started in " + pid);
            JsonNode finding = app.awaitWarning("threads.lock-contention", DETECTION).report();
            assertThat(finding.at("/agent/loadedBy").asText()).isEqualTo("attach");
            assertThat(finding.at("/agent/attached").asBoolean()).isTrue();

            Cli.Result again = Cli.run("attach", pid, "out=/tmp/elsewhere,interval=5s");
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("already running").contains(out.toString());

            Cli.Result list = Cli.run("list");
            assertThat(list.exit()).isZero();
            assertThat(list.out()).containsPattern("(?m)^" + pid + " .*reports in " + out);

            int before = app.reports().size();
            Cli.Result stopped = Cli.run("stop", pid);
            assertThat(stopped.exit()).as(stopped.toString()).isZero();
            assertThat(app.reports().size()).as("final report").isGreaterThan(before);
            assertThat(agentThreads(app.pid())).as("agent threads after stop").isZero();
            // Thread, ThreadPoolExecutor and AbstractQueuedSynchronizer at least (ForkJoinPool only once loaded)
            assertThat(Files.readString(out.resolve("quadrant.log"))).containsPattern("Instrumentation removed: [3-9] classes retransformed");
            int afterStop = app.reports().size();
            Thread.sleep(2500);
            assertThat(app.reports()).as("no reports after stop").hasSize(afterStop);

            assertThat(Cli.run("stop", pid).exit()).isEqualTo(5);  // not running any more

            Cli.Result reattached = Cli.run("attach", pid, "out=" + out + ",interval=1s");
            assertThat(reattached.exit()).as(reattached.toString()).isZero();
            await().atMost(DETECTION).until(() -> app.reports().size() > afterStop + 1);
            assertThat(app.reports().get(app.reports().size() - 1).get("sequence").asInt()).isGreaterThan(afterStop);
        }
    }

    /** What attach is given reaches the agent, every key: no weaving with instrument=off, reports rotated at keep. */
    @Test void attachPassesEveryOptionOn() throws Exception {
        try (TargetJvm app = new TargetJvm.Launch(LedgerLockScenario.class).start()) {
            String pid = Long.toString(app.pid());
            Cli.Result attached = Cli.run("attach", pid, "out=" + app.out + ",interval=500ms,keep=2,instrument=off");
            assertThat(attached.exit()).as(attached.toString()).isZero();
            // keep prunes right after each write: between a write and its pruning the folder holds one more
            await().atMost(DETECTION).alias("keep=2: two reports, the newest past the fourth").until(() -> {
                List<JsonNode> reports = app.reports();
                return reports.size() <= 2 && reports.stream().anyMatch(r -> r.get("sequence").asInt() >= 4);
            });
            String log = Files.readString(app.out.resolve("quadrant.log"));
            assertThat(log).contains("reports every PT0.5S").doesNotContain("Woven");
            assertThat(Cli.run("stop", pid).exit()).isZero();
            assertThat(Files.readString(app.out.resolve("quadrant.log"))).doesNotContain("Instrumentation removed");
        }
    }

    /** Attached later, the JDK classes the application already uses are retransformed: its running pool is seen. */
    @Test void attachingLaterWeavesClassesAlreadyLoaded() throws Exception {
        try (TargetJvm app = new TargetJvm.Launch(CheckoutPoolSaturationScenario.class).start()) {
            String pid = Long.toString(app.pid());
            Thread.sleep(3000);  // the pool exists and runs before the agent arrives
            Cli.Result attached = Cli.run("attach", pid, "out=" + app.out + ",interval=2s");
            assertThat(attached.exit()).as(attached.toString()).isZero();
            JsonNode f = app.awaitWarning("threads.pool-saturation", DETECTION).finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("checkout-N");
            assertThat(f.at("/evidence/site").asText()).contains("before Quadrant's instrumentation");
            assertThat(Cli.run("stop", pid).exit()).isZero();
        }
    }

    @Test void jcmdLoadsTheAgentWithQuotedOptionsAndExplainsUnquotedOnes() throws Exception {
        try (TargetJvm app = new TargetJvm.Launch(LedgerLockScenario.class).start()) {
            String pid = Long.toString(app.pid());
            Cli.Result unquoted = Cli.jcmd(JDK17, pid, "JVMTI.agent_load", TargetJvm.AGENT_JAR.toString(), "out=" + app.out + ",interval=1s");
            assertThat(unquoted.exit()).as(unquoted.toString()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.stderr().contains("has no value"));
            assertThat(app.stderr()).contains("'\"out=");

            Cli.Result quoted = Cli.jcmd(JDK17, pid, "JVMTI.agent_load", TargetJvm.AGENT_JAR.toString(), "\"out=" + app.out + ",interval=1s\"");
            assertThat(quoted.exit()).as(quoted.toString()).isZero();
            app.awaitFinding("threads.lock-contention", DETECTION);
        }
    }

    @Test void onTheNewestJdkTheUserIsToldAboutJep451() throws Exception {
        Path jdk = NewestJdkTest.JDK;
        assumeTrue(Files.isExecutable(jdk.resolve("bin/java")), "no JDK at " + jdk);
        try (TargetJvm app = new TargetJvm.Launch(LedgerLockScenario.class).on(jdk).start()) {
            String pid = Long.toString(app.pid());
            Cli.Result attached = Cli.run("attach", pid, "out=" + app.out + ",interval=1s");  // CLI on 17, target on 25
            assertThat(attached.exit()).as(attached.toString()).isZero();
            assertThat(attached.out()).contains("JEP 451").contains("-javaagent:");
            JsonNode report = app.awaitFinding("threads.lock-contention", DETECTION).report();
            assertThat(report.at("/agent/notes").toString()).contains("-javaagent");
            assertThat(Cli.run("stop", pid).exit()).isZero();
            assertThat(agentThreads(app.pid())).isZero();
        }
    }

    @Test void errorsNameTheCauseWithTheirOwnExitCodes() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        gone.waitFor();
        Cli.Result noProcess = Cli.run("attach", Long.toString(gone.pid()));
        assertThat(noProcess.exit()).isEqualTo(3);
        assertThat(noProcess.err()).contains("no process " + gone.pid());

        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Cli.Result notJvm = Cli.run("attach", Long.toString(sleeper.pid()));
            assertThat(notJvm.exit()).isEqualTo(4);
            assertThat(notJvm.err()).contains("is not a Java virtual machine");
            assertThat(sleeper.isAlive()).as("the process we refused to attach to lives on").isTrue();
        } finally {
            sleeper.destroyForcibly();
        }

        Cli.Result badOption = Cli.run("attach", "12345", "interval=often");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("'interval=often'").contains("Nothing was attached");
        assertThat(Cli.run("attach", "not-a-pid").exit()).isEqualTo(2);
    }

    @Test void anotherUsersJvmIsRefusedWithItsOwnExitCode() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root") && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root and runuser");
        Path dir = Files.createTempDirectory("quadrant-cli");
        Path jar = Files.copy(TargetJvm.AGENT_JAR, dir.resolve("quadrant-agent.jar"));
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);
        jar.toFile().setReadable(true, false);
        try (TargetJvm app = new TargetJvm.Launch(LedgerLockScenario.class).start()) {
            Process cli = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", JDK17.resolve("bin/java").toString(), "-jar", jar.toString(),
                    "attach", Long.toString(app.pid())).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes());
            assertThat(cli.waitFor()).as(output).isEqualTo(7);
            assertThat(output).contains("belongs to user root");
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(dir);
        }
    }

    /** Threads named quadrant-* in the target, from jcmd Thread.print. */
    static long agentThreads(long pid) throws Exception {
        Cli.Result dump = Cli.jcmd(JDK17, Long.toString(pid), "Thread.print");
        return dump.out().lines().filter(l -> l.startsWith("\"quadrant-")).count();
    }
}
