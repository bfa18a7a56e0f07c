package dev.quadrant.core;

import java.time.Instant;
import java.util.Map;

/** One period's report: what the JSON and HTML files render. */
public record Report(int sequence, Instant windowStart, Instant windowEnd, JvmIdentity jvm, Diagnosis diagnosis,
                     Map<String, Map<String, Object>> metrics, AgentStats agent) {
    public static final String SCHEMA = "quadrant-report/1";
}
