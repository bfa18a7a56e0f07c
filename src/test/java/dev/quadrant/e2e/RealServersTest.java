package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.VirtualThreadQuotesScenario;
import dev.quadrant.e2e.servers.HikariInvoiceConnectionsScenario;
import dev.quadrant.e2e.servers.JettyLostQuoteScenario;
import dev.quadrant.e2e.servers.NettyTariffReloadScenario;
import dev.quadrant.e2e.servers.TomcatShippingRatesScenario;
import dev.quadrant.e2e.servers.UndertowInvoicePdfScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real servers and pools from Maven Central (Tomcat, Jetty, Undertow, Netty, HikariCP) and a virtual thread per request:
 * each fault is first shown by the workload's own callers (what they measured, on stdout), then found by the agent. The
 * healthy controls are {@link RealServerHealthTest}.
 */
@Tag("e2e")
class RealServersTest {
    static final Duration DETECTION = Duration.ofSeconds(40);
    static final Duration FAULT_SHOWS = Duration.ofSeconds(20);

    @Test void tomcatPoolSaturatedByASlowCarrier() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(TomcatShippingRatesScenario.class, "interval=2s")) {
            awaitSlowest(jvm, "checkout-caller", 1500);
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION,
                    // the first window may catch the queue while it builds up: the one that shows the callers' wait is awaited
                    n -> n.at("/evidence/pool/type").asText().contains("org.apache.tomcat") && n.at("/evidence/queueWaitMs").asLong() >= 500,
                    "for Tomcat's executor, 500 ms or more").finding();
            assertThat(f.at("/evidence/pool/pool").asText()).contains("http-nio");
            assertThat(f.at("/evidence/pool/maxSize").asInt()).isEqualTo(4);
        }
    }

    @Test void jettyHandlersStuckOnLostQuotes() throws Exception {
        jettyHandlersStuckOnLostQuotes(Path.of(System.getProperty("java.home")));
    }

    @Test void jettyHandlersStuckOnLostQuotesOnTheNewestJdk() throws Exception {
        assumeTrue(Files.isExecutable(NewestJdkTest.JDK.resolve("bin/java")), "no JDK at " + NewestJdkTest.JDK);
        jettyHandlersStuckOnLostQuotes(NewestJdkTest.JDK);
    }

    private static void jettyHandlersStuckOnLostQuotes(Path jdk) throws Exception {
        try (TargetJvm jvm = TargetJvm.launchOn(jdk, JettyLostQuoteScenario.class, "interval=2s")) {
            // the callers time out on the lost quotes while the other quotes keep being answered
            await().atMost(FAULT_SHOWS).alias("4 lost replies and callers timing out; " + jvm.describe())
                    .until(() -> count(jvm.stdout(), "lost the reply") == 4 && count(jvm.stdout(), " [1-9]\\d* timed out") > 0);
            JsonNode f = jvm.awaitWarning("threads.untimed-wait", DETECTION).finding();
            assertThat(f.at("/evidence/wait").asText()).isEqualTo("CompletableFuture.get()");
            assertThat(f.at("/evidence/site").asText()).contains("JettyLostQuoteScenario.quote");
            assertThat(f.at("/evidence/thread").asText()).startsWith("qtp");
            assertThat(f.at("/evidence/threadsWaiting").asInt()).isEqualTo(4);
            assertThat(slowest(jvm.stdout(), "storefront")).as("quotes still answered").isPositive();
        }
    }

    /** A virtual thread per request (JDK 21+): ThreadMXBean does not see them; the JVM's JSON thread dump does. */
    @Test void virtualThreadRequestsStuckOnLostQuotes() throws Exception {
        assumeTrue(Files.isExecutable(NewestJdkTest.JDK.resolve("bin/java")), "no JDK at " + NewestJdkTest.JDK);
        try (TargetJvm jvm = TargetJvm.launchOn(NewestJdkTest.JDK, VirtualThreadQuotesScenario.class, "interval=2s")) {
            JsonNode f = jvm.awaitWarning("threads.untimed-wait", DETECTION).finding();
            assertThat(f.at("/evidence/wait").asText()).isEqualTo("CompletableFuture.get()");
            assertThat(f.at("/evidence/site").asText()).contains("VirtualThreadQuotesScenario.partnerQuote");
            assertThat(f.at("/evidence/thread").asText()).startsWith("virtual thread #");
            assertThat(f.at("/evidence/threadsWaiting").asInt()).isGreaterThan(1);
        }
    }

    @Test void undertowWorkersSaturatedByPdfRendering() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(UndertowInvoicePdfScenario.class, "interval=2s")) {
            awaitSlowest(jvm, "billing-caller", 1200);
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION,
                    n -> n.at("/evidence/pool/type").asText().contains("EnhancedQueueExecutor"), "for the XNIO worker pool").finding();
            assertThat(f.at("/evidence/pool/pool").asText()).isEqualTo("XNIO-N task-N");
            assertThat(f.at("/evidence/pool/maxSize").asInt()).isEqualTo(4);
        }
    }

    @Test void nettyEventLoopBlockedByATariffReload() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(NettyTariffReloadScenario.class, "interval=2s")) {
            // price look-ups on the blocked loop wait for the reload
            awaitSlowest(jvm, "storefront", 2500);
            JsonNode f = jvm.awaitWarning("threads.event-loop-blocked", DETECTION).finding();
            assertThat(f.get("evidence").toString()).contains("multiThreadIoEventLoopGroup-");
            assertThat(f.get("stack").toString()).contains("NettyTariffReloadScenario.reloadTariffs");
        }
    }

    @Test void hikariConnectionsTooFewForTheRequestThreads() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(HikariInvoiceConnectionsScenario.class, "interval=2s")) {
            await().atMost(FAULT_SHOWS).alias("request threads awaiting a connection; " + jvm.describe())
                    .until(() -> count(jvm.stdout(), "pool active 2/2, 1[0-4] threads awaiting") > 0);
            JsonNode f = jvm.awaitWarning("threads.pool-saturation", DETECTION,
                    n -> n.at("/evidence/pool/type").asText().contains("Hikari"), "for the HikariCP pool").finding();
            assertThat(f.at("/evidence/pool/maxSize").asInt()).isEqualTo(2);
        }
    }

    /** Waits until the workload's callers report an answer at least {@code ms} slow: the fault is real, whatever the agent says. */
    private static void awaitSlowest(TargetJvm jvm, String callers, long ms) {
        await().atMost(FAULT_SHOWS).alias(callers + " slowest >= " + ms + " ms; " + jvm.describe())
                .until(() -> slowest(jvm.stdout(), callers) >= ms);
    }

    /** The slowest answer any summary line of {@code callers} gave, in milliseconds; 0 before the first. */
    static long slowest(String stdout, String callers) {
        Matcher m = Pattern.compile("^" + Pattern.quote(callers) + ": \\d+ ok, mean \\d+ ms, slowest (\\d+) ms", Pattern.MULTILINE).matcher(stdout);
        long slowest = 0;
        while (m.find()) slowest = Math.max(slowest, Long.parseLong(m.group(1)));
        return slowest;
    }

    static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
