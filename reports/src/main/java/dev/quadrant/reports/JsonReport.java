package dev.quadrant.reports;

import dev.quadrant.core.AgentStats;
import dev.quadrant.core.Dimension;
import dev.quadrant.core.DimensionStatus;
import dev.quadrant.core.Finding;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Metrics;
import dev.quadrant.core.Report;
import dev.quadrant.core.evidence.CallTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as the contract's JSON (schema {@code quadrant-report/1}). */
public final class JsonReport {
    private JsonReport() {}

    public static String render(Report r) { return Json.write(toMap(r)); }

    static Map<String, Object> toMap(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", Report.SCHEMA);
        root.put("sequence", r.sequence());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", r.windowStart().toString());
        window.put("end", r.windowEnd().toString());
        root.put("window", window);
        root.put("jvm", jvm(r.jvm()));
        Map<String, Object> dims = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            DimensionStatus s = r.diagnosis().status(d);
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("status", s.status());
            dim.put("score", s.score());
            dims.put(d.name(), dim);
        }
        root.put("dimensions", dims);
        root.put("findings", r.diagnosis().findings().stream().map(JsonReport::finding).toList());
        root.put("metrics", metrics(r.metrics()));
        root.put("profiles", profiles(r.profiles()));
        root.put("timeline", Timelines.json(r));
        root.put("agent", agent(r.agent(), r.diagnosis().failedRules()));
        return root;
    }

    /** Per dimension each known figure by its key, and the pools' rows under {@link Metrics#POOLS}'s key after the figures. */
    static Map<String, Map<String, Object>> metrics(Metrics metrics) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) all.put(d.name(), new LinkedHashMap<>());
        for (Metrics.Figure f : metrics.figures()) all.get(f.metric().dimension().name()).put(f.metric().key(), f.number());
        Metrics.Rows rows = Metrics.POOLS;
        all.get(rows.dimension().name()).put(rows.key(), metrics.pools().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(rows.nameKey(), p.name());
            for (Metrics.Figure f : p.figures()) m.put(f.metric().key(), f.number());
            return m;
        }).toList());
        return all;
    }

    private static Map<String, Object> jvm(JvmIdentity j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", j.pid());
        m.put("javaVersion", j.javaVersion());
        m.put("vendor", j.vendor());
        m.put("mainClass", j.mainClass());
        m.put("uptimeMs", j.uptimeMs());
        return m;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("dimension", f.dimension().name());
        m.put("severity", f.severity().name());
        m.put("score", f.score());
        m.put("title", f.title());
        m.put("detail", f.detail());
        m.put("evidence", f.evidence());
        m.put("stack", f.stack());
        m.put("recommendation", f.recommendation());
        m.put("verify", f.verify());
        m.put("catalogue", Report.CATALOGUE_PAGE + "#" + f.rule());
        return m;
    }

    /**
     * Each call tree as a frame table and nested nodes {@code [frame index, weight, [children...]]}: the frame names
     * once, the tree compact enough for a busy hour's report.
     */
    static Map<String, Object> profiles(Map<String, Report.Profile> profiles) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Report.Profile> e : profiles.entrySet()) {
            Report.Profile p = e.getValue();
            Map<String, Integer> index = new LinkedHashMap<>();
            Object root = node(p.tree(), index);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", p.unit());
            m.put("source", p.source());
            m.put("total", p.tree().weight());
            m.put("frames", List.copyOf(index.keySet()));
            m.put("root", new Json.Compact(root));  // one line: indenting a deep tree would triple its size
            out.put(e.getKey(), m);
        }
        return out;
    }

    private static List<Object> node(CallTree t, Map<String, Integer> index) {
        Integer i = index.computeIfAbsent(t.frame(), k -> index.size());
        List<Object> children = new java.util.ArrayList<>(t.children().size());
        for (CallTree c : t.children()) children.add(node(c, index));
        return List.of(i, t.weight(), children);
    }

    private static Map<String, Object> agent(AgentStats a, List<String> failedRules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version());
        m.put("loadedBy", a.loadedBy());
        m.put("attached", a.attached());
        m.put("eventsSeen", a.eventsSeen());
        m.put("eventsDropped", a.eventsDropped());
        m.put("overheadCpuMs", a.overheadCpuMs());
        m.put("errors", a.errors() + failedRules.size());
        if (a.shedding().happened()) {
            Map<String, Object> shed = new LinkedHashMap<>();
            shed.put("active", a.shedding().active());
            shed.put("reason", a.shedding().reason());
            shed.put("skipped", a.shedding().skipped());
            m.put("shedding", shed);
        }
        AgentStats.ThreadSampling t = a.threadSampling();
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("dumps", t.dumps());
        sampling.put("dumpMs", t.dumpMs());
        sampling.put("longestDumpMs", t.longestDumpMs());
        sampling.put("periodMs", t.periodMs());
        sampling.put("backedOff", t.backedOff());
        m.put("threadSampling", sampling);
        if (!a.notes().isEmpty() || !failedRules.isEmpty()) {
            m.put("notes", failedRules.isEmpty() ? a.notes() : concat(a.notes(), failedRules));
        }
        return m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream().map(s -> "rule failed: " + s)).toList();
    }
}
