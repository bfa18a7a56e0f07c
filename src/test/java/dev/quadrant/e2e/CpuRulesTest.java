package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.DeepLookupExceptionScenario;
import dev.quadrant.e2e.scenarios.PriceFeedParserScenario;
import dev.quadrant.e2e.scenarios.RuleEngineCodeCacheScenario;
import dev.quadrant.e2e.scenarios.RunawayPaginationScenario;
import dev.quadrant.e2e.scenarios.SpinWaitConsumerScenario;
import dev.quadrant.e2e.scenarios.ThumbnailFarmScenario;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/** The CPU rules beyond hot methods, each on a workload that really has its problem. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class CpuRulesTest {
    static final Duration DETECTION = Duration.ofSeconds(50);

    @Test void busyThreadSpinningOnAnEmptyQueue() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(SpinWaitConsumerScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("cpu.busy-thread", DETECTION).finding();
            assertThat(f.at("/evidence/thread").asText()).isEqualTo("event-consumer");
            assertThat(f.at("/evidence/coreShare").asDouble()).isGreaterThan(0.8);
            assertThat(f.at("/evidence/busyForSeconds").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(f.get("stack").toString()).contains("SpinWaitConsumerScenario$EventConsumer.run");
        }
    }

    @Test void busyThreadInARunawayPoolTask() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(RunawayPaginationScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("cpu.busy-thread", DETECTION).finding();
            assertThat(f.at("/evidence/thread").asText()).isEqualTo("job-worker");
            assertThat(f.get("stack").toString()).contains("RunawayPaginationScenario");
        }
    }

    @Test void saturationByAPoolLargerThanTheMachine() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ThumbnailFarmScenario.class, "interval=2s")) {
            // The machine may be busy with more than this process: wait for the finding that blames the process.
            JsonNode f = jvm.awaitWarning("cpu.saturation", DETECTION, e -> e.at("/evidence/processShare").asDouble() >= 0.9, "blaming the process").finding();
            assertThat(f.get("title").asText()).startsWith("The process uses");
            assertThat(f.at("/evidence/spanSeconds").asLong()).isGreaterThanOrEqualTo(15);
        }
    }

    @Test void exceptionStormFromParsingAsControlFlow() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(PriceFeedParserScenario.class, "interval=1s")) {
            JsonNode f = jvm.awaitWarning("cpu.exception-storm", DETECTION,
                    e -> e.at("/evidence/sites").toString().contains("PriceFeedParserScenario.price"), "naming the parser").finding();
            assertThat(f.at("/evidence/exceptionsPerSecond").asLong()).isGreaterThan(1000);
            assertThat(f.at("/evidence/sites/0/type").asText()).isEqualTo("java.lang.NumberFormatException");
        }
    }

    @Test void exceptionStormFromNotFoundDeepInTheStack() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(DeepLookupExceptionScenario.class, "interval=1s")) {
            JsonNode f = jvm.awaitWarning("cpu.exception-storm", DETECTION,
                    e -> e.at("/evidence/sites").toString().contains("NotFoundException"), "naming the exception").finding();
            assertThat(f.at("/evidence/sites").toString()).contains("DeepLookupExceptionScenario.find");
            assertThat(f.at("/evidence/cpuShare").asDouble()).isGreaterThanOrEqualTo(0.05);
        }
    }

    @Test void codeCacheFullOfGeneratedTenantRules() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(RuleEngineCodeCacheScenario.class, "interval=1s", "-XX:ReservedCodeCacheSize=2496k")) {
            // The cache reports WARNING while it fills (90%), CRITICAL once it is full and the JIT stops.
            TargetJvm.Found found = jvm.awaitWarning("cpu.jit-deoptimization", DETECTION, e -> e.get("severity").asText().equals("CRITICAL"), "when full");
            assertThat(found.finding().get("title").asText()).containsPattern("Code cache (full|filled up)");
            assertThat(found.finding().get("recommendation").asText()).contains("ReservedCodeCacheSize");
        }
    }
}
