package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quadrant.e2e.scenarios.TracedShopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quadrant beside the OpenTelemetry Java agent, which weaves many of the same JDK classes (executors, HTTP client and
 * server): loaded before it, after it, and with Quadrant attached later. Both instrument, the application's answers do
 * not change, nothing fails to verify or link, and Quadrant still finds the contended lock.
 */
@Tag("e2e")
class SecondAgentTest {
    static final Path OTEL = Path.of(System.getProperty("quadrant.otel.agent", "target/agents/opentelemetry-javaagent.jar")).toAbsolutePath();
    static final List<String> OTEL_SETTINGS = List.of("-Dotel.service.name=shop", "-Dotel.traces.exporter=logging",
            "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none", "-Dotel.javaagent.logging=simple");
    static final String REQUESTS = "120";
    private static String without;

    @ParameterizedTest
    @ValueSource(strings = {"opentelemetry-first", "quadrant-first", "quadrant-attached-later"})
    void bothAgentsInstrumentAndTheApplicationIsUnchanged(String order) throws Exception {
        assertThat(OTEL).as("the OpenTelemetry agent is copied by the build").exists();
        if (without == null) without = Host.run(new TargetJvm.Launch(TracedShopApp.class).args(REQUESTS)).stdout();
        Path out = Files.createDirectories(TargetJvm.RUNS.resolve("otel-" + order + "-" + System.nanoTime())).resolve("reports");
        String quadrant = "-javaagent:" + TargetJvm.AGENT_JAR + "=out=" + out + ",interval=1s";
        List<String> jvm = new ArrayList<>();
        if (order.equals("quadrant-first")) jvm.add(quadrant);
        jvm.add("-javaagent:" + OTEL);
        if (order.equals("opentelemetry-first")) jvm.add(quadrant);
        jvm.addAll(OTEL_SETTINGS);
        boolean later = order.equals("quadrant-attached-later");
        TargetJvm.Launch launch = new TargetJvm.Launch(TracedShopApp.class).out(out).jvmArgs(jvm.toArray(String[]::new))
                .args(REQUESTS, later ? "4000" : "0");
        Host.Outcome with = Host.run(launch, app -> {
            if (!later) return 0;
            await().atMost(Duration.ofSeconds(30)).until(() -> app.stderr().contains("opentelemetry-javaagent"));
            Cli.Result attached = Cli.run("attach", Long.toString(app.pid()), "out=" + out + ",interval=1s");
            assertThat(attached.exit()).as(attached.toString()).isZero();
            return 0;
        });
        assertThat(with.stdout()).as(with.jvm().describe()).isEqualTo(without);
        assertThat(with.exitCode()).isZero();
        Host.assertUnharmed(with.jvm());
        String everything = with.jvm().stderr() + Host.log(with.jvm());
        assertThat(everything).doesNotContain("VerifyError").doesNotContain("LinkageError").doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassFormatError");
        assertThat(with.jvm().stderr()).as("OpenTelemetry traced the requests").contains("LoggingSpanExporter").contains("/buy");
        assertThat(with.jvm().reports()).as("Quadrant found the contended stock lock; " + Host.log(with.jvm()))
                .anyMatch(r -> r.get("findings").toString().contains("threads.lock-contention"));
        assertThat(with.jvm().reports()).as("Quadrant's weaving saw the server's pool")
                .anyMatch(r -> r.at("/metrics/THREADS/pools").toString().contains("pool-N-thread-N"));
        assertThat(Host.agentErrors(with.jvm())).isZero();
    }
}
