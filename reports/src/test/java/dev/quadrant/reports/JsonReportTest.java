package dev.quadrant.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    /** What strict parsers refuse or terminals misshow: lone surrogates replaced, bidirectional overrides escaped. */
    @Test void stringsAreValidForStrictParsers() throws Exception {
        String json = Json.write(Map.of("name", "lone \uD800 \uDC00x \u202E\u2066 pair \uD83D\uDE00 nul\u0000"));
        assertThat(json).doesNotContain("\uD800").doesNotContain("\u202E")
                .contains("lone \uFFFD \uFFFDx \\u202e\\u2066 pair \uD83D\uDE00 nul\\u0000");
        assertThat(mapper.readTree(json).get("name").asText()).isEqualTo("lone \uFFFD \uFFFDx \u202E\u2066 pair \uD83D\uDE00 nul\u0000");
        java.nio.charset.StandardCharsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(json));  // throws on a lone surrogate
        assertThat(Json.write(Map.of("n", "y".repeat(1 << 20))).length()).isLessThan(Json.MAX_STRING + 20);
    }

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

    @Test void findingsLinkToTheirCatalogueEntry() throws Exception {
        JsonNode root = mapper.readTree(JsonReport.render(Reports.report(3, "worker-1")));
        assertThat(root.at("/findings/0/catalogue").asText()).isEqualTo("rules.html#threads.x");
    }

    @Test void profilesAreCallTreesWithAFrameTable() throws Exception {
        JsonNode cpu = mapper.readTree(JsonReport.render(Reports.report(3, "Worker"))).at("/profiles/cpu");
        assertThat(cpu.get("unit").asText()).isEqualTo("ms");
        assertThat(cpu.get("total").asLong()).isEqualTo(40);
        List<String> frames = mapper.convertValue(cpu.get("frames"), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
        JsonNode root = cpu.get("root");
        assertThat(frames.get(root.get(0).asInt())).isEqualTo("all");
        JsonNode threadRun = root.get(2).get(0);  // the only child: both stacks start in Thread.run
        assertThat(frames.get(threadRun.get(0).asInt())).isEqualTo("java.lang.Thread.run(Thread.java:840)");
        assertThat(threadRun.get(1).asLong()).isEqualTo(40);
        assertThat(threadRun.get(2)).hasSize(2);
        JsonNode alloc = mapper.readTree(JsonReport.render(Reports.report(3, "Worker"))).at("/profiles/allocation");
        assertThat(alloc.get("frames").toString()).contains("byte[]").contains("com.acme.Buf.grow(Buf.java:3)");
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
