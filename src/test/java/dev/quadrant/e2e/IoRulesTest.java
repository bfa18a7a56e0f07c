package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.AttachmentScannerFdLeakScenario;
import dev.quadrant.e2e.scenarios.ConnectionLeakScenario;
import dev.quadrant.e2e.scenarios.CsvExportUnbufferedScenario;
import dev.quadrant.e2e.scenarios.LedgerReplayUnbufferedScenario;
import dev.quadrant.e2e.scenarios.NetworkMountReaderScenario;
import dev.quadrant.e2e.scenarios.SlowDnsScenario;
import dev.quadrant.e2e.scenarios.SlowInventoryServiceScenario;
import dev.quadrant.e2e.scenarios.SlowObjectStoreUploadScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(f.at("/evidence/streamsStillOpenBySite/0/site").asText()).contains("AttachmentScannerFdLeakScenario");
            assertThat(f.get("title").asText()).contains("AttachmentScannerFdLeakScenario");
            // the report after the first finding also says what the descriptors point to
            jvm.awaitWarning("io.fd-leak", DETECTION, n -> n.at("/evidence/descriptorKinds").toString().contains("attachments"), "with descriptor kinds");
        }
    }

    @Test void fileDescriptorsLeakedByUnclosedConnections() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(ConnectionLeakScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.fd-leak", DETECTION).finding();
            assertThat(f.at("/evidence/openFileDescriptors").asLong()).isGreaterThan(f.at("/evidence/trend/first").asLong());
            jvm.awaitWarning("io.fd-leak", DETECTION, n -> n.at("/evidence/descriptorKinds/socket").asLong() > 100, "with sockets counted");
        }
    }

    @Test void csvExportWritesOneByteAtATime() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(CsvExportUnbufferedScenario.class, "interval=2s")) {
            // the files opened after the weaving is in place (the first one may predate it) are named
            JsonNode f = jvm.awaitWarning("io.unbuffered-file", DETECTION, n -> n.at("/evidence/path").asText().endsWith(".csv"), "with the file").finding();
            assertThat(f.at("/evidence/site").asText()).contains("CsvExportUnbufferedScenario.writeRow");
            assertThat(f.at("/evidence/path").asText()).contains("orders-");
            assertThat(f.at("/evidence/meanBytes").asDouble()).isEqualTo(1.0);
            assertThat(f.at("/evidence/writes").asLong()).isGreaterThan(f.at("/evidence/reads").asLong());
        }
    }

    @Test void journalReplayReadsOneByteAtATime() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(LedgerReplayUnbufferedScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("io.unbuffered-file", DETECTION).finding();
            assertThat(f.at("/evidence/site").asText()).contains("LedgerReplayUnbufferedScenario.replay");
            assertThat(f.at("/evidence/path").asText()).contains("journal");
            assertThat(f.get("recommendation").asText()).contains("BufferedInputStream");
        }
    }

    @Test void slowNameServer() throws Exception {
        try (TargetJvm jvm = launchWithTestResolver("slow")) {
            JsonNode f = jvm.awaitWarning("io.slow-dns", DETECTION).finding();
            assertThat(f.at("/evidence/host").asText()).isEqualTo("inventory.internal");
            assertThat(f.at("/evidence/meanResolutionMs").asLong()).isBetween(350L, 1500L);
            assertThat(f.at("/evidence/site").asText()).contains("SlowDnsScenario.callInventory");
        }
    }

    @Test void nameThatNoLongerExists() throws Exception {
        try (TargetJvm jvm = launchWithTestResolver("failing")) {
            JsonNode f = jvm.awaitWarning("io.slow-dns", DETECTION).finding();
            assertThat(f.at("/evidence/host").asText()).isEqualTo("payments.legacy");
            assertThat(f.at("/evidence/failures").asLong()).isPositive();
            assertThat(f.get("title").asText()).contains("UnknownHostException");
        }
    }

    /**
     * The scenario on the newest JDK with a resolver the test controls: a JDK 18+ InetAddressResolverProvider, compiled
     * here by that JDK's javac (the test sources target 17) and found through META-INF/services; the JDK's name cache off.
     */
    static TargetJvm launchWithTestResolver(String mode) throws IOException, InterruptedException {
        Path jdk = NewestJdkTest.JDK;
        assumeTrue(Files.isExecutable(jdk.resolve("bin/javac")), "no JDK 18+ at " + jdk);
        Path dir = Files.createTempDirectory("resolver");
        Path src = dir.resolve("SlowResolverProvider.java");
        try (InputStream in = IoRulesTest.class.getResourceAsStream("/dns/SlowResolverProvider.java.txt")) {
            Files.write(src, in.readAllBytes());
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Process javac = new ProcessBuilder(jdk.resolve("bin/javac").toString(), "-d", classes.toString(), src.toString()).inheritIO().start();
        assertThat(javac.waitFor()).isZero();
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("java.net.spi.InetAddressResolverProvider"), "dev.quadrant.e2e.dns.SlowResolverProvider\n");
        return new TargetJvm.Launch(SlowDnsScenario.class).on(jdk).classPath(TargetJvm.APPLICATION_CLASS_PATH + java.io.File.pathSeparator + classes)
                .agent("interval=2s").jvmArgs("-Dsun.net.inetaddr.ttl=0", "-Dsun.net.inetaddr.negative.ttl=0").args(mode).start();
    }
}
