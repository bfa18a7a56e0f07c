package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.HealthyService;
import dev.quadrant.e2e.scenarios.LedgerLockScenario;
import dev.quadrant.e2e.scenarios.SearchRankingScenario;
import dev.quadrant.e2e.scenarios.StalledUpstreamScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same agent jar (built for 17) on the newest JDK on the machine, where stacks and events differ. */
@Tag("e2e")
class NewestJdkTest {
    static final Path JDK = Path.of(System.getProperty("quadrant.newest.jdk", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    static final Duration DETECTION = Duration.ofSeconds(45);

    @BeforeAll static void jdkPresent() {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/java")), "no JDK at " + JDK);
    }

    @Test void socketReadWithNoTimeout() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, StalledUpstreamScenario.class, "interval=1s")) {
            TargetJvm.Found found = jvm.awaitWarning("io.socket-no-timeout", DETECTION);
            assertThat(found.finding().at("/evidence/site").asText()).contains("StalledUpstreamScenario.stockLevel");
            assertThat(found.report().at("/jvm/javaVersion").asText()).doesNotStartWith("17");
        }
    }

    @Test void lockContention() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, LedgerLockScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitFinding("threads.lock-contention", DETECTION).finding();
            assertThat(f.at("/evidence/site").asText()).contains("LedgerLockScenario$Ledger.post");
        }
    }

    @Test void hotMethod() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, SearchRankingScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitFinding("cpu.hot-method", DETECTION).finding();
            assertThat(f.at("/evidence/method").asText()).endsWith("Ranker.editDistance");
        }
    }

    @Test void healthyServiceStaysQuiet() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, HealthyService.class, "interval=1s")) {
            HealthyServiceTest.assertHealthy(jvm.awaitReports(HealthyServiceTest.WINDOWS, Duration.ofSeconds(40)));
        }
    }
}
