package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.IsolationApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An application built from real ByteBuddy, SLF4J + Logback and Micrometer artifacts, older and newer than
 * the agent's, runs unchanged with the agent, loaded at start-up or attached later; the agent's logging never
 * reaches the application's log.
 */
@Tag("e2e")
class IsolationTest {
    static final Path OLD_LIBS = Path.of(System.getProperty("quadrant.old.libs", "target/old-libs"));
    static final Path TEST_CLASSES = Path.of(System.getProperty("quadrant.test.classes", "target/test-classes"));

    @ParameterizedTest(name = "{0} libraries, agent {1}")
    @CsvSource({"newer, at start-up", "older, at start-up", "newer, attached", "older, attached"})
    void applicationLibrariesAreUntouched(String libraries, String how) throws Exception {
        boolean older = libraries.equals("older");
        boolean attach = how.equals("attached");
        Path logConfig = Files.createTempFile("logback", ".xml");
        Path appLog = logConfig.resolveSibling(logConfig.getFileName() + ".log");
        Files.writeString(logConfig, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d %%level %%logger %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(appLog));
        TargetJvm.Launch launch = new TargetJvm.Launch(IsolationApp.class).args(attach ? "8" : "5")
                .jvmArgs("-Dlogback.configurationFile=" + logConfig);
        if (older) launch.classPath(olderClassPath());
        if (!attach) launch.agent("interval=1s");
        try (TargetJvm app = launch.start()) {
            if (attach) {
                Thread.sleep(1500);
                Cli.Result attached = Cli.run("attach", Long.toString(app.pid()), "out=" + app.out + ",interval=1s");
                assertThat(attached.exit()).as(attached.toString()).isZero();
            }
            assertThat(app.awaitExit(Duration.ofSeconds(40))).as(app.describe()).isZero();
            String stdout = app.stdout();
            assertThat(stdout).as(app.describe()).contains("isolation ok").contains("loggerFactory=ch.qos.logback.classic.LoggerContext");
            assertThat(stdout).contains(older ? "bytebuddy=byte-buddy-1.12" : "bytebuddy=byte-buddy-1.18")
                    .contains(older ? "slf4j=slf4j-api-1.7" : "slf4j=slf4j-api-2.")
                    .contains(older ? "micrometer=micrometer-core-1.9" : "micrometer=micrometer-core-1.17");
            String log = Files.readString(appLog);
            assertThat(log).contains("order 0");
            // the agent's own lines went to its own log, none to the application's
            assertThat(Files.readString(app.out.resolve("quadrant.log"))).contains("JFR streaming");
            assertThat(log).doesNotContain("JFR streaming").doesNotContain("JfrCollector").doesNotContain("Pipeline").doesNotContain("reports every");
            assertThat(app.stderr()).doesNotContain("SLF4J");
            assertThat(app.reports()).as("the agent ran: " + app.describe()).isNotEmpty();
        } finally {
            Files.deleteIfExists(logConfig);
            Files.deleteIfExists(appLog);
        }
    }

    /** Applications are launched without Quadrant's modules on their class path: the agent comes from its jar only. */
    @org.junit.jupiter.api.Test void scenariosRunTheAgentFromItsJarOnly() {
        assertThat(System.getProperty("java.class.path")).containsPattern("quadrant-(agent|core)|(agent|core)/target/classes");
        assertThat(TargetJvm.APPLICATION_CLASS_PATH).doesNotContainPattern("quadrant-(agent|collectors|core|reports)-[^/]*\\.jar")
                .doesNotContainPattern("/(agent|collectors|core|reports)/target/classes").contains("test-classes");
    }

    private static String olderClassPath() throws IOException {
        try (Stream<Path> jars = Files.list(OLD_LIBS)) {
            return TEST_CLASSES + ":" + jars.map(Path::toString).sorted().collect(Collectors.joining(":"));
        }
    }
}
