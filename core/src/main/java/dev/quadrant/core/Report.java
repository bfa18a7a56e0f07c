package dev.quadrant.core;

import dev.quadrant.core.evidence.CallTree;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.Timeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One period's report: what the JSON and HTML files render. {@code metrics} holds the window's key figures, typed by
 * {@link Metrics#TABLE}. {@code profiles} holds the window's call trees (flame-graph data) by kind: {@code cpu} in
 * milliseconds, {@code allocation} in bytes, {@code lock} in microseconds waited. {@code timeline} is the window over
 * time and {@code history} the run's earlier windows and this one, oldest first, for the charts.
 */
public record Report(int sequence, Instant windowStart, Instant windowEnd, JvmIdentity jvm, Diagnosis diagnosis,
                     Metrics metrics, Map<String, Profile> profiles, Timeline timeline,
                     List<JvmSample> history, AgentStats agent) {
    public static final String SCHEMA = "quadrant-report/1";
    /** The catalogue page written next to the reports; findings link to {@code rules.html#<rule id>}. */
    public static final String CATALOGUE_PAGE = "rules.html";

    /** A call tree with its unit and where its samples came from. */
    public record Profile(String unit, String source, CallTree tree) {}

    /** The report of a classified window. */
    public static Report of(int sequence, JvmIdentity jvm, Window w, Diagnosis diagnosis, AgentStats agent) {
        return of(sequence, jvm, w, diagnosis, agent, true);
    }

    /** As above; without {@code profiles} its call trees are not built (the agent sheds them while the host is in trouble). */
    public static Report of(int sequence, JvmIdentity jvm, Window w, Diagnosis diagnosis, AgentStats agent, boolean profiles) {
        return new Report(sequence, w.start(), w.end(), jvm, diagnosis, Metrics.of(w), profiles ? profiles(w) : Map.of(), w.timeline(),
                w.series(), agent);
    }

    /** The window's profiles: the CPU tree from whichever source saw more CPU (as cpu.hot-method judges), the allocation tree. */
    public static Map<String, Profile> profiles(Window w) {
        Map<String, Profile> m = new java.util.LinkedHashMap<>();
        m.put("cpu", new Profile("ms", w.cpu().fromJfr() ? "jfr-execution-samples" : "thread-dumps", w.cpu().busiest().tree()));
        m.put("allocation", new Profile("bytes", "jfr-allocation-samples", w.memory().allocations().tree()));
        m.put("lock", new Profile("us", "jfr-monitor-waits+woven-lock-waits", w.threads().lockWaits()));
        return m;
    }
}
