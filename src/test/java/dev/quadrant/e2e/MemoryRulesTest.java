package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.AuditTrailLeakScenario;
import dev.quadrant.e2e.scenarios.CatalogExplicitGcScenario;
import dev.quadrant.e2e.scenarios.LegacyConnectionFinalizerScenario;
import dev.quadrant.e2e.scenarios.ListenerLeakScenario;
import dev.quadrant.e2e.scenarios.NearlyFullIndexScenario;
import dev.quadrant.e2e.scenarios.OrderBookFullGcScenario;
import dev.quadrant.e2e.scenarios.PendingAckBufferScenario;
import dev.quadrant.e2e.scenarios.TemplatePerRequestScenario;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MEMORY rules beyond allocation pressure, each on a workload that really has its problem, under each collector. */
@Tag("e2e")
@Isolated  // GC overhead and exhaustion depend on the collector threads having the CPU: see junit-platform.properties
class MemoryRulesTest {
    static final Duration DETECTION = Duration.ofSeconds(60);

    @Test void longPausesFromExplicitFullCollections() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(CatalogExplicitGcScenario.class, "interval=1s", "-XX:+UseG1GC", "-Xmx1500m")) {
            // loading the catalog may pause long on its own first: the finding awaited is the one of the explicit collections
            JsonNode f = jvm.awaitWarning("memory.gc-pause", DETECTION, e -> e.at("/evidence/cause").asText().equals("System.gc()"),
                    "caused by System.gc()").finding();
            assertThat(f.at("/evidence/collector").asText()).isEqualTo("G1Full");
            assertThat(f.at("/evidence/longestPauseMs").asDouble()).isGreaterThanOrEqualTo(200);
            assertThat(f.get("recommendation").asText()).contains("DisableExplicitGC");
        }
    }

    @Test void longPausesFromParallelFullCollectionsOfALargeOldGeneration() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(OrderBookFullGcScenario.class, "interval=1s", "-XX:+UseParallelGC", "-Xmx700m")) {
            JsonNode f = jvm.awaitWarning("memory.gc-pause", DETECTION).finding();
            assertThat(f.at("/evidence/collector").asText()).startsWith("Parallel");
            assertThat(f.get("recommendation").asText()).contains("G1");
        }
    }

    /** A live set of 130 MiB in a 160 MiB heap under load: the collector thrashes and the heap is nearly full after GC. */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC", "-XX:+UseZGC"})
    void overheadAndExhaustionOfANearlyFullHeap(String collector) throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(NearlyFullIndexScenario.class, "interval=2s", collector, "-Xmx160m")) {
            JsonNode overhead = jvm.awaitWarning("memory.gc-overhead", DETECTION).finding();
            assertThat(overhead.at("/evidence/collectors").toString()).isNotEqualTo("[]");
            JsonNode full = jvm.awaitWarning("memory.heap-exhaustion", DETECTION).finding();
            assertThat(full.at("/evidence/occupancy").asDouble()).isGreaterThanOrEqualTo(0.8);
            assertThat(full.at("/evidence/measuredAfter").asText()).isEqualTo("old-generation collection");
        }
    }

    @Test void heapLeakInAnAuditTrailNamesTheSite() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(AuditTrailLeakScenario.class, "interval=2s", "-XX:+UseG1GC", "-Xmx160m")) {
            JsonNode f = jvm.awaitWarning("memory.heap-leak", DETECTION,
                    e -> e.at("/evidence/leakCandidates").toString().contains("AuditTrailLeakScenario.audit"), "naming the audit trail").finding();
            assertThat(f.at("/evidence/confirmedByOldCollections").asBoolean()).isTrue();
            assertThat(f.at("/evidence/trend/slopePerMinute").asLong()).isGreaterThan(10L << 20);
            assertThat(f.at("/evidence/secondsUntilFull").asLong()).isPositive();
        }
    }

    @Test void heapLeakOfListenersNeverUnsubscribed() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ListenerLeakScenario.class, "interval=2s", "-XX:+UseG1GC", "-Xmx160m")) {
            jvm.awaitWarning("memory.heap-leak", DETECTION,
                    e -> e.at("/evidence/leakCandidates").toString().contains("ListenerLeakScenario$Session"), "naming the session");
        }
    }

    @Test void directBuffersKeptForAcksThatNeverCome() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(PendingAckBufferScenario.class, "interval=2s", "-XX:MaxDirectMemorySize=256m")) {
            JsonNode f = jvm.awaitWarning("memory.direct-leak", DETECTION).finding();
            assertThat(f.at("/evidence/limitBytes").asLong()).isEqualTo(256L << 20);
            assertThat(f.at("/evidence/secondsUntilLimit").asLong()).isPositive();
        }
    }

    @Test void classesDefinedPerRequestAndKept() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(TemplatePerRequestScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("memory.metaspace-leak", DETECTION).finding();
            assertThat(f.at("/evidence/classesPerHour").asLong()).isGreaterThan(5_000);
            assertThat(f.at("/evidence/metaspaceUsedBytes").asLong()).isPositive();
        }
    }

    @Test void finalizerFallsBehindSlowFinalizeMethods() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LegacyConnectionFinalizerScenario.class, "interval=1s", "-Xmx512m")) {
            JsonNode f = jvm.awaitWarning("memory.finalizer-backlog", DETECTION).finding();
            assertThat(f.at("/evidence/growing").asBoolean()).isTrue();
            assertThat(f.at("/evidence/pendingFinalization").asLong()).isGreaterThanOrEqualTo(10_000);
        }
    }
}
