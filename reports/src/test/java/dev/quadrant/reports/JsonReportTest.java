package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test void hasEveryContractField() throws Exception {
        JsonNode root = mapper.readTree(JsonReport.render(Reports.report(3, "worker-1")));
        assertThat(root.get("schema").asText()).isEqualTo("quadrant-report/1");
        assertThat(root.get("sequence").asInt()).isEqualTo(3);
        assertThat(root.at("/window/start").asText()).isEqualTo("2026-11-28T08:00:00Z");
        assertThat(root.at("/window/end").asText()).isEqualTo("2026-11-28T08:01:00Z");
        for (String f : List.of("pid", "javaVersion", "vendor", "mainClass", "uptimeMs")) assertThat(root.get("jvm").has(f)).as(f).isTrue();
        assertThat(root.at("/dimensions/THREADS/status").asText()).isEqualTo("CRITICAL");
        assertThat(root.at("/dimensions/THREADS/score").asInt()).isEqualTo(80);
        assertThat(root.at("/dimensions/CPU/status").asText()).isEqualTo("WARNING");
        assertThat(root.at("/dimensions/IO/status").asText()).isEqualTo("OK");
        assertThat(root.at("/dimensions/MEMORY/score").asInt()).isZero();
        JsonNode f = root.get("findings").get(0);
        for (String k : List.of("rule", "dimension", "severity", "score", "title", "detail", "evidence", "stack", "recommendation", "verify")) {
            assertThat(f.has(k)).as(k).isTrue();
        }
        assertThat(f.get("rule").asText()).isEqualTo("threads.x");
        assertThat(root.get("findings").get(1).get("severity").asText()).isEqualTo("WARNING");
        assertThat(f.at("/evidence/count").asInt()).isEqualTo(3);
        assertThat(root.get("metrics").has("CPU")).isTrue();
        for (String k : List.of("version", "eventsSeen", "eventsDropped", "overheadCpuMs")) assertThat(root.get("agent").has(k)).as(k).isTrue();
    }

    @Test void stringsAreEscapedAndStayIntact() throws Exception {
        String nasty = "a\"b\\c\nd\u0001</script>\u2028";
        JsonNode root = mapper.readTree(JsonReport.render(Reports.report(1, nasty)));
        assertThat(root.at("/findings/0/evidence/thread").asText()).isEqualTo(nasty);
        assertThat(JsonReport.render(Reports.report(1, nasty))).doesNotContain("</script>");
    }

    @Test void nonFiniteNumbersBecomeNull() throws Exception {
        JsonNode n = mapper.readTree(Json.write(Map.of("a", Double.NaN, "b", 1.5, "c", 2.0)));
        assertThat(n.get("a").isNull()).isTrue();
        assertThat(n.get("b").asDouble()).isEqualTo(1.5);
        assertThat(n.get("c").asLong()).isEqualTo(2);
    }
}
