package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.AuditTrailLeakScenario;
import dev.quadrant.e2e.scenarios.HealthyService;
import dev.quadrant.e2e.scenarios.LedgerLockScenario;
import dev.quadrant.e2e.scenarios.NearlyFullIndexScenario;
import dev.quadrant.e2e.scenarios.PluginWarmupService;
import dev.quadrant.e2e.scenarios.PriceFeedParserScenario;
import dev.quadrant.e2e.scenarios.SearchRankingScenario;
import dev.quadrant.e2e.scenarios.StalledUpstreamScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same agent jar (built for 17) on the newest JDK on the machine, where stacks and events differ. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
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
            JsonNode f = jvm.awaitWarning("threads.lock-contention", DETECTION).finding();
            assertThat(f.at("/evidence/site").asText()).contains("LedgerLockScenario$Ledger.post");
        }
    }

    @Test void hotMethod() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, SearchRankingScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("cpu.hot-method", DETECTION).finding();
            assertThat(f.at("/evidence/method").asText()).endsWith("Ranker.editDistance");
        }
    }

    /**
     * Generational ZGC (the only ZGC on JDK 23+): every cycle is a minor or major collection, with other event names.
     * The leak is found and confirmed by major collections. Its site is asserted on G1 (MemoryRulesTest) only: ZGC runs
     * major cycles when the heap is nearly full, so the leak is confirmed when the agent is already shedding or
     * pausing its stream to spare the heap, and the leak-candidate dump may come too late (an open item).
     */
    @Test void heapLeakUnderGenerationalZgc() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, AuditTrailLeakScenario.class, "interval=2s", "-XX:+UseZGC", "-Xmx256m")) {
            JsonNode f = jvm.awaitWarning("memory.heap-leak", Duration.ofSeconds(60)).finding();
            assertThat(f.at("/evidence/confirmedByOldCollections").asBoolean()).isTrue();
        }
    }

    @Test void gcOverheadAndExhaustionUnderG1() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, NearlyFullIndexScenario.class, "interval=2s", "-XX:+UseG1GC", "-Xmx160m")) {
            jvm.awaitWarning("memory.gc-overhead", DETECTION);
            jvm.awaitWarning("memory.heap-exhaustion", DETECTION);
        }
    }

    @Test void exceptionStorm() throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, PriceFeedParserScenario.class, "interval=1s")) {
            JsonNode f = jvm.awaitWarning("cpu.exception-storm", DETECTION).finding();
            assertThat(f.at("/evidence/exceptionsPerSecond").asLong()).isGreaterThan(1000);
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {HealthyService.class, PluginWarmupService.class})
    void healthyServicesStayQuiet(Class<?> service) throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(JDK, service, "interval=1s", "-Xmx256m")) {
            HealthyServiceTest.assertHealthy(jvm.awaitReports(HealthyServiceTest.WINDOWS, Duration.ofSeconds(40)));
        }
    }
}
