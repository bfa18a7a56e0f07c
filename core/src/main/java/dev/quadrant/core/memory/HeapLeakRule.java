package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Growth;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.OldObject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live set (heap used right after GC) grows window over window. After a young collection the old generation
 * still holds garbage that was promoted, so a rise seen only there is held at INFO until collections that clean the
 * old generation show it too.
 */
public final class HeapLeakRule implements Rule {
    static final double MIN_GROWTH_SHARE = 0.02;          // at least 2% of the maximum heap over the trend...
    static final long MIN_GROWTH_BYTES = 8L << 20;        // ...and at least 8 MiB: smaller drifts are caches filling
    static final int TOP_CANDIDATES = 5;

    static final RuleInfo INFO = new RuleInfo("The live heap keeps growing",
            "The heap used right after garbage collection, the live set, rises window over window in a straight line: objects"
                    + " are kept that are never released (a cache without eviction, a listener never removed, a growing static"
                    + " collection). Leak candidates come from JFR's leak profiler: sampled objects that stay alive, grouped by type"
                    + " and allocation site.",
            "At least 5 windows over 20 s, r² >= 0.6, not slowing down, growth >= 2% of the maximum heap and >= 8 MiB;"
                    + " scored by the time left until the heap is full: a day warning, an hour critical. INFO until a collection"
                    + " of the old generation confirms the rise.",
            "Find who holds the candidates (a heap dump's dominator tree), then bound the structure: eviction, weak references,"
                    + " deregistration, or a size limit.",
            "jcmd <pid> GC.class_histogram (twice, minutes apart: the growing types); jcmd <pid> GC.heap_dump /tmp/heap.hprof");

    @Override public String id() { return "memory.heap-leak"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public RuleInfo info() { return INFO; }

    /** While it grows: the surviving samples name what leaks in the next report. */
    @Override public Set<EvidenceRequest> requestsWhileFound() { return Set.of(EvidenceRequest.OLD_OBJECT_SAMPLES); }

    @Override public Optional<Finding> evaluate(Window window) {
        List<JvmSample> series = window.series();
        Trend old = Trend.of(series, JvmSample::heapAfterOldGcBytes);
        Trend any = Trend.of(series, JvmSample::heapAfterGcBytes);
        long max = window.jvm().heapMaxBytes();
        double minGrowth = Math.max(MIN_GROWTH_BYTES, max > 0 ? MIN_GROWTH_SHARE * max : 0);
        boolean byOld = Growth.steady(old) && old.growth() >= minGrowth;
        Trend trend = byOld ? old : any;
        if (!byOld && !(Growth.steady(any) && any.growth() >= minGrowth)) return Optional.empty();
        // Without old-generation evidence, the rise may be promoted garbage: confirmed only if old collections rise too.
        boolean confirmed = byOld || (old.points() >= 2 && old.last() - old.first() >= minGrowth / 2);
        double secondsLeft = max > 0 ? trend.secondsUntil(max) : Double.POSITIVE_INFINITY;
        int score = max > 0 ? Growth.scoreByTimeLeft(secondsLeft) : Score.INFO_CAP;
        if (!confirmed) score = Math.min(score, Score.INFO_CAP);
        List<Map<String, Object>> candidates = candidates(window.memory().oldObjects());
        String top = candidates.isEmpty() ? "" : "; top candidate " + candidates.get(0).get("type") + " from " + candidates.get(0).get("site");
        @SuppressWarnings("unchecked") List<String> stack = candidates.isEmpty() ? List.of() : (List<String>) candidates.get(0).get("stack");
        return Optional.of(Finding.of(this, Math.max(score, 1))
                .title(confirmed ? "Live heap grows " + Growth.bytesPerMinute(trend) + (max > 0 ? ": heap full " + Growth.timeLeft(secondsLeft) : "") + top
                        : "Heap after young collections grows " + Growth.bytesPerMinute(trend) + ", not yet confirmed by an old-generation collection" + top)
                .detail("Heap after GC rose from " + Units.bytes(trend.first()) + " to " + Units.bytes(trend.last()) + " over "
                        + trend.points() + " windows (" + Math.round(trend.spanSeconds()) + " s, r² " + Units.decimal(trend.r2()) + "), "
                        + (byOld ? "measured after collections of the old generation" : "measured after young collections"
                        + (confirmed ? ", confirmed by old-generation collections" : "; no old-generation collection has confirmed it yet"))
                        + "; maximum heap " + (max > 0 ? Units.bytes(max) : "unknown") + ". Warning when full within "
                        + (int) Growth.WARN_HOURS_TO_LIMIT + " h, critical within " + (int) Growth.CRITICAL_HOURS_TO_LIMIT + " h.")
                .evidence("trend", Growth.evidence(trend))
                .evidence("measuredAfter", byOld ? "old-generation collections" : "any collection")
                .evidence("confirmedByOldCollections", confirmed)
                .evidence("heapMaxBytes", max > 0 ? max : null)
                .evidence("secondsUntilFull", Double.isInfinite(secondsLeft) ? null : Math.round(secondsLeft))
                .evidence("leakCandidates", candidates.isEmpty() ? null : candidates.stream().map(HeapLeakRule::withoutStack).toList())
                .stack(stack)
                .recommendation(candidates.isEmpty()
                        ? "Take two class histograms minutes apart and compare them; then find who holds the growing type in a heap dump."
                        : "Check what keeps the " + candidates.get(0).get("type") + " objects allocated at " + candidates.get(0).get("site")
                        + " alive (a map or list that is only ever added to, a listener or thread-local never removed); bound it"
                        + " with eviction, a size limit or weak references.")
                .verify("jcmd " + window.pid() + " GC.class_histogram (twice, minutes apart); jcmd " + window.pid()
                        + " GC.heap_dump /tmp/heap.hprof and open the dominator tree")
                .build());
    }

    /** Old objects grouped by type and the application frame that allocated them, most samples (then oldest) first. */
    static List<Map<String, Object>> candidates(List<OldObject> objects) {
        Map<List<String>, List<OldObject>> groups = new HashMap<>();
        for (OldObject o : objects) groups.computeIfAbsent(List.of(o.type(), Frames.firstApplicationFrame(o.stack())), k -> new java.util.ArrayList<>()).add(o);
        return groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<List<String>, List<OldObject>> e) -> e.getValue().size()).reversed())
                .limit(TOP_CANDIDATES)
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", e.getKey().get(0));
                    m.put("site", e.getKey().get(1));
                    m.put("samples", e.getValue().size());
                    m.put("oldestSeconds", e.getValue().stream().mapToLong(o -> o.age().toSeconds()).max().orElse(0));
                    m.put("stack", e.getValue().get(0).stack());
                    return m;
                }).toList();
    }

    private static Map<String, Object> withoutStack(Map<String, Object> candidate) {
        Map<String, Object> m = new LinkedHashMap<>(candidate);
        m.remove("stack");
        return m;
    }
}
