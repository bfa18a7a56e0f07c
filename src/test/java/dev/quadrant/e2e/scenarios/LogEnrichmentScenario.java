package dev.quadrant.e2e.scenarios;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A log-enrichment pipeline: every line is split, each field copied into a map, and the record re-serialised
 * into a fresh String and byte[]. A storm of short-lived garbage on a modest heap.
 */
public final class LogEnrichmentScenario {
    static byte[] enrich(String line, int seq) {
        Map<String, String> fields = new HashMap<>();
        for (String kv : line.split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) fields.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        fields.put("seq", Integer.toString(seq));
        fields.put("host", "web-" + (seq % 16));
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("enricher-" + t, () -> {
                long bytes = 0;
                int seq = 0;
                while (Scenario.running(start)) {
                    String line = "ts=2026-11-28T08:00:00Z level=INFO user=u" + (seq % 1000) + " path=/api/orders/" + seq + " status=200 took=" + (seq % 97) + "ms";
                    bytes += enrich(line, seq++).length;
                }
                if (bytes == 42) System.out.println(bytes);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
