package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.AttachmentScannerFdLeakScenario;
import dev.quadrant.e2e.scenarios.ConnectionLeakScenario;
import dev.quadrant.e2e.scenarios.NetworkMountReaderScenario;
import dev.quadrant.e2e.scenarios.SlowInventoryServiceScenario;
import dev.quadrant.e2e.scenarios.SlowObjectStoreUploadScenario;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The IO rules on real sockets on 127.0.0.1 and real files in a temp folder. */
@Tag("e2e")
class IoRulesTest {
    static final Duration DETECTION = Duration.ofSeconds(50);

    @Test void slowReadsFromAnOverloadedInventoryService() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(SlowInventoryServiceScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.slow-socket", DETECTION).finding();
            assertThat(f.at("/evidence/peer").asText()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertThat(f.at("/evidence/meanMs").asDouble()).isBetween(250.0, 700.0);
            assertThat(f.at("/evidence/reads").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(f.at("/evidence/site").asText()).contains("SlowInventoryServiceScenario.stock");
            assertThat(f.at("/evidence/latencies").toString()).contains("200-500 ms");
        }
    }

    @Test void slowWritesToAThrottledObjectStore() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(SlowObjectStoreUploadScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.slow-socket", DETECTION).finding();
            assertThat(f.at("/evidence/writes").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(f.at("/evidence/site").asText()).contains("SlowObjectStoreUploadScenario.upload");
        }
    }

    @Test void slowReadsFromSlowStorage() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(NetworkMountReaderScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.slow-file", DETECTION).finding();
            assertThat(f.at("/evidence/path").asText()).endsWith("prices.csv");
            assertThat(f.at("/evidence/reads").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(f.get("stack").toString()).contains("NetworkMountReaderScenario");
        }
    }

    @Test void fileDescriptorsLeakedByUnclosedStreams() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(AttachmentScannerFdLeakScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.fd-leak", DETECTION).finding();
            assertThat(f.at("/evidence/trend/slopePerMinute").asLong()).isGreaterThan(1000);
            assertThat(f.at("/evidence/secondsUntilLimit").asLong()).isPositive();
        }
    }

    @Test void fileDescriptorsLeakedByUnclosedConnections() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ConnectionLeakScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.fd-leak", DETECTION).finding();
            assertThat(f.at("/evidence/openFileDescriptors").asLong()).isGreaterThan(f.at("/evidence/trend/first").asLong());
        }
    }
}
