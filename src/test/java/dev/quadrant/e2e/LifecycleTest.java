package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.ShortLivedApp;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Option errors leave the application untouched; a normal exit writes a final report. */
@Tag("e2e")
class LifecycleTest {
    @Test void aBadOptionIsOneLineAndTheAppStillRuns() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchRaw(ShortLivedApp.class, "-javaagent:" + TargetJvm.AGENT_JAR + "=interval=soon")) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(jvm.stdout()).contains("app ran to completion");
            assertThat(jvm.stderr().lines().filter(l -> l.startsWith("quadrant:")).toList()).singleElement().asString()
                    .contains("'interval=soon'").contains("Valid options");
        }
    }

    @Test void anUnknownOptionIsNamed() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchRaw(ShortLivedApp.class, "-javaagent:" + TargetJvm.AGENT_JAR + "=out=/tmp/x,colour=blue")) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(jvm.stdout()).contains("app ran to completion");
            assertThat(jvm.stderr()).contains("unknown option 'colour'");
        }
    }

    @Test void aNormalExitWritesTheFinalReport() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ShortLivedApp.class, "interval=60s")) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(jvm.stderr()).doesNotContain("quadrant:");
            assertThat(jvm.reports()).as(jvm.describe()).hasSize(1);
            assertThat(jvm.reports().get(0).get("schema").asText()).isEqualTo("quadrant-report/1");
            assertThat(Files.readString(jvm.out.resolve("index.html"))).contains("report-0001.html");
            assertThat(jvm.out.resolve("latest.html")).exists();
        }
    }
}
