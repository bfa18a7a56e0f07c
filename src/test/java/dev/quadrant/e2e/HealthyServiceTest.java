package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.HealthyPoolsService;
import dev.quadrant.e2e.scenarios.HealthyService;
import dev.quadrant.e2e.scenarios.LightLockService;
import dev.quadrant.e2e.scenarios.PluginWarmupService;
import dev.quadrant.e2e.scenarios.SessionCacheService;
import dev.quadrant.e2e.scenarios.SteadyAllocatorService;
import dev.quadrant.e2e.scenarios.TimeoutClientService;
import dev.quadrant.e2e.scenarios.WarmingUpService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Healthy, lightly loaded services get no WARNING or CRITICAL finding in any report. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class HealthyServiceTest {
    static final int WINDOWS = 8;
    static final int LONG_WINDOWS = 16;

    /** Start-up and the first windows; the services of the long run below are judged there, start-up included. */
    @ParameterizedTest
    @ValueSource(classes = {HealthyService.class, WarmingUpService.class, TimeoutClientService.class, LightLockService.class})
    void noWarningsOverSeveralWindows(Class<?> service) throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(service, "interval=1s", "-Xmx256m")) {
            List<JsonNode> reports = jvm.awaitReports(WINDOWS, Duration.ofSeconds(40));
            assertHealthy(reports);
        }
    }

    /** Long enough for the trend rules (leaks, saturation, sustained full collections) to judge: 30 s of 2 s windows. */
    @ParameterizedTest
    @ValueSource(classes = {SessionCacheService.class, PluginWarmupService.class, SteadyAllocatorService.class, HealthyPoolsService.class})
    void noWarningsOnceTrendsCanBeJudged(Class<?> service) throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(service, "interval=2s", "-Xmx256m")) {
            assertHealthy(jvm.awaitReports(LONG_WINDOWS, Duration.ofSeconds(60)));
        }
    }

    static void assertHealthy(List<JsonNode> reports) {
        List<String> alarms = new ArrayList<>();
        for (JsonNode r : reports) {
            for (JsonNode f : r.get("findings")) {
                if (!f.get("severity").asText().equals("INFO")) alarms.add(r.get("sequence") + ": " + f);
            }
            r.get("dimensions").forEach(d -> assertThat(d.get("status").asText()).isEqualTo("OK"));
            assertThat(r.at("/agent/errors").asLong()).as(r.get("agent").toString()).isZero();
        }
        assertThat(alarms).isEmpty();
        // the agent really watched: events arrived, and every window has the JVM's figures
        assertThat(reports.stream().mapToLong(r -> r.at("/agent/eventsSeen").asLong()).sum()).isPositive();
        for (JsonNode r : reports) assertThat(r.at("/metrics/THREADS/threadCount").asInt()).as(r.toString()).isPositive();
    }
}
