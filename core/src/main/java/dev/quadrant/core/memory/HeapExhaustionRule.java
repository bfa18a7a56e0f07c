package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.List;
import java.util.Optional;

/**
 * The heap is nearly full even right after the collector cleaned it: the next burst of allocation ends in back-to-back
 * full collections or OutOfMemoryError. Judged after collections of the old generation; a figure measured after young
 * collections only (which still counts promoted garbage) can say no more than INFO.
 */
public final class HeapExhaustionRule implements Rule {
    static final double WARN_OCCUPANCY = 0.80;      // 80% live after a full clean: little room for a burst
    static final double CRITICAL_OCCUPANCY = 0.92;  // past 92% the collector thrashes before it throws
    static final double MIN_REPORTED = 0.60;        // below this the heap has room: nothing to say
    static final int LOOK_BACK_WINDOWS = 10;        // an old collection this recent still describes the live set

    static final RuleInfo INFO = new RuleInfo("The heap is nearly full after GC",
            "The live set, the heap used right after a collection of the old generation, is close to the maximum heap: the"
                    + " service spends more and more time collecting and then fails with OutOfMemoryError.",
            "Heap after an old-generation collection 80% of the maximum warning, 92% critical; measured after young collections"
                    + " only, INFO at most.",
            "Raise -Xmx if the live set is legitimate; otherwise find what fills it (see memory.heap-leak) and bound it.",
            "jstat -gcutil <pid> 1000 10 (old generation after full collections); jcmd <pid> GC.heap_info");

    @Override public String id() { return "memory.heap-exhaustion"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        long max = window.jvm().heapMaxBytes();
        if (max <= 0) return Optional.empty();
        long afterOld = latestAfterOldGc(window.series());
        boolean fromOld = afterOld >= 0;
        long live = fromOld ? afterOld : window.jvm().heapAfterGcBytes();
        if (live < 0) return Optional.empty();
        double occupancy = (double) live / max;
        int score = Score.of(occupancy, WARN_OCCUPANCY, CRITICAL_OCCUPANCY);
        if (occupancy < MIN_REPORTED) return Optional.empty();
        if (!fromOld) score = Math.min(score, Score.INFO_CAP);
        return Optional.of(Finding.of(this, score)
                .title("Heap " + Units.percent(occupancy) + " full after GC (" + Units.bytes(live) + " of " + Units.bytes(max) + ")")
                .detail("Heap used after " + (fromOld ? "the latest collection of the old generation" : "young collections (no old-generation"
                        + " collection seen recently, so promoted garbage may be counted)") + ": " + Units.bytes(live) + " of " + Units.bytes(max)
                        + " maximum (warning at " + Units.percent(WARN_OCCUPANCY) + ", critical at " + Units.percent(CRITICAL_OCCUPANCY) + ").")
                .evidence("heapAfterGcBytes", live)
                .evidence("heapMaxBytes", max)
                .evidence("occupancy", Units.round(occupancy, 3))
                .evidence("measuredAfter", fromOld ? "old-generation collection" : "young collection")
                .evidence("oldCollectionsInWindow", window.memory().gc().oldCollections())
                .evidence("collectors", window.memory().gc().collectors())
                .recommendation("If this live set is what the service needs, raise -Xmx (and the container limit with it); if it should"
                        + " be smaller, find what fills the heap (memory.heap-leak names candidates) and bound it.")
                .verify("jstat -gcutil " + window.pid() + " 1000 10 (O column after full collections); jcmd " + window.pid() + " GC.heap_info")
                .build());
    }

    private static long latestAfterOldGc(List<JvmSample> series) {
        for (int i = series.size() - 1; i >= Math.max(0, series.size() - LOOK_BACK_WINDOWS); i--) {
            if (series.get(i).heapAfterOldGcBytes() >= 0) return series.get(i).heapAfterOldGcBytes();
        }
        return -1;
    }
}
