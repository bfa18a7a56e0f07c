package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.BlockingChannelScenario;
import dev.quadrant.e2e.scenarios.LatencyStatsScenario;
import dev.quadrant.e2e.scenarios.LedgerLockScenario;
import dev.quadrant.e2e.scenarios.ProductCacheLockScenario;
import dev.quadrant.e2e.scenarios.ResponseCopyScenario;
import dev.quadrant.e2e.scenarios.LogEnrichmentScenario;
import dev.quadrant.e2e.scenarios.SearchRankingScenario;
import dev.quadrant.e2e.scenarios.StalledUpstreamScenario;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/** Each fault, in a real JVM with the real agent, shows up as its finding in latest.json. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class FaultDetectionTest {
    static final Duration DETECTION = Duration.ofSeconds(45);

    @Test void lockContentionOnTheLedgerMonitor() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LedgerLockScenario.class, "interval=2s")) {
            TargetJvm.Found found = jvm.awaitWarning("threads.lock-contention", DETECTION);
            JsonNode f = found.finding();
            assertThat(f.at("/evidence/monitorClass").asText()).endsWith("LedgerLockScenario$Ledger");
            assertThat(f.at("/evidence/site").asText()).contains("LedgerLockScenario$Ledger.post");
            assertThat(f.at("/evidence/waitingThreads").toString()).contains("http-nio-");
            assertThat(f.at("/evidence/owner").asText()).startsWith("http-nio-");
            assertThat(f.get("stack").get(0).asText()).contains("Ledger.post");
            assertThat(found.report().at("/dimensions/THREADS/status").asText()).isEqualTo(found.severity());
        }
    }

    @Test void cpuHotPathInTheRanker() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(SearchRankingScenario.class, "interval=2s")) {
            JsonNode f = awaitAtLeastWarning(jvm, "cpu.hot-method");
            assertThat(f.at("/evidence/method").asText()).isEqualTo("dev.quadrant.e2e.scenarios.SearchRankingScenario$Ranker.editDistance");
            assertThat(f.at("/evidence/selfShare").asDouble()).isGreaterThan(0.3);
            assertThat(f.get("stack").toString()).contains("SearchRankingScenario");
        }
    }

    @Test void allocationChurnInTheEnricher() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LogEnrichmentScenario.class, "interval=2s", "-Xmx128m")) {
            JsonNode f = awaitAllocationSites(jvm);
            assertThat(f.at("/evidence/allocationRateBytesPerSecond").asLong()).isGreaterThan(300L << 20);
            assertThat(f.at("/evidence/topSites").toString()).contains("LogEnrichmentScenario");
        }
    }

    @Test void socketReadWithNoTimeoutToAStalledUpstream() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(StalledUpstreamScenario.class, "interval=1s")) {
            JsonNode f = awaitAtLeastWarning(jvm, "io.socket-no-timeout");
            assertThat(f.at("/evidence/stillBlocked").asBoolean()).isTrue();
            assertThat(f.at("/evidence/thread").asText()).isEqualTo("checkout-worker");
            assertThat(f.at("/evidence/site").asText()).contains("StalledUpstreamScenario.stockLevel");
            assertThat(f.at("/evidence/longestBlockedMs").asLong()).isGreaterThanOrEqualTo(5000);
        }
    }

    @Test void lockContentionOnACacheThatLoadsUnderItsMonitor() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ProductCacheLockScenario.class, "interval=2s")) {
            JsonNode f = awaitAtLeastWarning(jvm, "threads.lock-contention");
            assertThat(f.at("/evidence/site").asText()).contains("ProductCacheLockScenario$ProductCache.getOrLoad");
        }
    }

    @Test void cpuHotPathInAPercentileSort() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LatencyStatsScenario.class, "interval=2s")) {
            JsonNode f = awaitAtLeastWarning(jvm, "cpu.hot-method");
            assertThat(f.at("/evidence/method").asText()).isEqualTo("dev.quadrant.e2e.scenarios.LatencyStatsScenario$Stats.insertionSort");
        }
    }

    @Test void allocationChurnInAResponseRelay() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ResponseCopyScenario.class, "interval=2s", "-Xmx256m")) {
            JsonNode f = awaitAllocationSites(jvm);
            assertThat(f.at("/evidence/topSites").toString()).contains("ResponseCopyScenario.relay");
        }
    }

    @Test void blockingChannelReadToAHungCacheServer() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(BlockingChannelScenario.class, "interval=1s")) {
            JsonNode f = awaitAtLeastWarning(jvm, "io.socket-no-timeout");
            assertThat(f.at("/evidence/thread").asText()).isEqualTo("session-loader");
            assertThat(f.at("/evidence/site").asText()).contains("BlockingChannelScenario$SessionStore.readReply");
        }
    }

    /**
     * The allocation rate is known from the first window, its sites once JFR's samples flow (how soon depends on the
     * machine): the first warning names its sites or says they are still to come, and a later one names them.
     */
    private static JsonNode awaitAllocationSites(TargetJvm jvm) {
        JsonNode first = awaitAtLeastWarning(jvm, "memory.allocation-pressure");
        assertThat(first.at("/evidence/topSites").size() > 0 || first.at("/evidence/sitesPending").isTextual())
                .as("sites, or why they are not in yet: " + first).isTrue();
        return jvm.awaitWarning("memory.allocation-pressure", DETECTION, f -> f.at("/evidence/topSites").size() > 0, "naming its sites").finding();
    }

    private static JsonNode awaitAtLeastWarning(TargetJvm jvm, String rule) {
        return jvm.awaitWarning(rule, DETECTION).finding();
    }
}
