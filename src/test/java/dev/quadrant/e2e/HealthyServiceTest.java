package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.HealthyService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A healthy, lightly loaded service gets no WARNING or CRITICAL finding in any report. */
@Tag("e2e")
class HealthyServiceTest {
    @Test void noWarningsOverSeveralWindows() throws Exception {
        try (TargetJvm jvm = TargetJvm.launch(HealthyService.class, "interval=1s")) {
            List<JsonNode> reports = jvm.awaitReports(8, Duration.ofSeconds(40));
            List<String> alarms = new ArrayList<>();
            for (JsonNode r : reports) {
                for (JsonNode f : r.get("findings")) {
                    if (!f.get("severity").asText().equals("INFO")) alarms.add(r.get("sequence") + ": " + f);
                }
                r.get("dimensions").forEach(d -> assertThat(d.get("status").asText()).isEqualTo("OK"));
                assertThat(r.at("/agent/errors").asLong()).as(r.get("agent").toString()).isZero();
            }
            assertThat(alarms).isEmpty();
            JsonNode last = reports.get(reports.size() - 1);
            assertThat(last.at("/agent/eventsSeen").asLong()).isPositive();
            assertThat(last.at("/metrics/THREADS/threadCount").asInt()).isPositive();
        }
    }
}
