package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.AllocationProfile;
import dev.quadrant.core.evidence.AllocationSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The application allocates so fast that the collector has to work for it; names the sites that allocate most. */
public final class AllocationPressureRule implements Rule {
    static final double MIB = 1024 * 1024;
    static final double MIN_RATE = 64 * MIB;            // below this no JVM service has an allocation problem
    static final double WARN_RATE = 300 * MIB;          // a busy service allocates 100-300 MiB/s; past that it is a cost
    static final double CRITICAL_RATE = 1024 * MIB;     // 1 GiB/s keeps the young generation collecting constantly
    static final double GC_SHARE_THAT_MATTERS = 0.02;   // 2% of wall time in pauses is a cost users feel
    static final double GC_RATE_THAT_MATTERS = 2.0;     // over 2 collections/s the young generation is refilled back to back
    static final int TOP_LISTED = 5;

    @Override public String id() { return "memory.allocation-pressure"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public boolean quietWhileStartingUp() { return true; }

    static final RuleInfo INFO = new RuleInfo("Allocation rate the collector has to fight",
            "The application allocates so fast that young collections run back to back or pauses add up. Names the sites that"
            + " allocate most, from JFR's allocation samples (the report's allocation flame graph).",
            "Rate 300 MiB/s warning, 1 GiB/s critical (reported from 64 MiB/s); stays INFO while GC pauses take under 2% of the"
            + " time and collections run under 2 per second.",
            "Allocate less at the top sites: reuse buffers, avoid boxing and intermediate copies, size collections up front;"
            + " give the young generation more room if the rate is inherent.",
            "jstat -gcutil <pid> 1000 10; jcmd <pid> JFR.start settings=profile duration=30s filename=alloc.jfr");

    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        AllocationProfile alloc = window.memory().allocations();
        // The MXBean counts every allocated byte; JFR's samples only estimate it.
        double bytes = window.jvm().allocatedBytes() >= 0 ? window.jvm().allocatedBytes() : alloc.sampledBytes();
        double rate = bytes / window.seconds();
        if (rate < MIN_RATE) return Optional.empty();
        double gcShare = gcShare(window);
        double gcPerSecond = gcCount(window) / window.seconds();
        int score = Score.of(rate, WARN_RATE, CRITICAL_RATE);
        // A collector that keeps up with few, short pauses makes the rate alone no problem: INFO only.
        if (gcShare < GC_SHARE_THAT_MATTERS && gcPerSecond < GC_RATE_THAT_MATTERS) score = Math.min(score, Score.INFO_CAP);
        AllocationSite top = alloc.topSites().isEmpty() ? null : alloc.topSites().get(0);
        // the rate is the MXBean's from the first window; the sites are JFR's, which may still be starting
        boolean sitesPending = top == null && !window.jfrCovered();
        String where = top != null ? "; most by " + top.site() + " (" + simpleName(top.type()) + ")"
                : sitesPending ? "; the sites follow once JFR's allocation samples flow" : "";
        return Optional.of(Finding.of(this, score)
                .title("Allocating " + Units.bytes(rate) + "/s" + where)
                .detail("Allocation rate " + Units.bytes(rate) + "/s (warning at " + Units.bytes(WARN_RATE) + "/s, critical at "
                        + Units.bytes(CRITICAL_RATE) + "/s); " + Units.decimal(gcPerSecond) + " collections/s with pauses taking "
                        + Units.percent(gcShare) + " of the window (under " + GC_RATE_THAT_MATTERS + "/s and "
                        + Units.percent(GC_SHARE_THAT_MATTERS) + " the collector keeps up and the rate alone is not a problem).")
                .evidence("allocationRateBytesPerSecond", Math.round(rate))
                .evidence("allocatedBytes", Math.round(bytes))
                .evidence("gcPauseShare", Units.round(gcShare, 4))
                .evidence("gcCollections", gcCount(window))
                .evidence("gcPerSecond", Units.round(gcPerSecond, 2))
                .evidence("topSites", topSites(alloc))
                .evidence("sitesPending", !sitesPending ? null : "JFR was not yet recording when this window began"
                        + (window.coverage().jfrSince() == null ? "" : " (it began at " + window.coverage().jfrSince() + ")") + ": the next report names the sites")
                .stack(top == null ? List.of() : top.stack())
                .recommendation(sitesPending ? "Wait for the next report, which names the sites that allocate most."
                        : top == null ? "Record allocations with JFR to find the sites that allocate most."
                        : "Allocate less at " + top.site() + ": reuse buffers, avoid boxing and intermediate copies, size collections up front,"
                        + " stream instead of materialising. If the rate is inherent, give the young generation more room.")
                .verify("jcmd " + window.pid() + " GC.heap_info; jstat -gcutil " + window.pid()
                        + " 1000 10 (young collections per second); jcmd " + window.pid() + " JFR.start settings=profile duration=30s filename=alloc.jfr")
                .build());
    }

    static double gcShare(Window window) {
        long pauseNanos = window.memory().gc().totalPause().toNanos();
        if (pauseNanos == 0 && window.jvm().gcTimeMillis() > 0) pauseNanos = window.jvm().gcTimeMillis() * 1_000_000L;
        return pauseNanos / (double) window.duration().toNanos();
    }

    static long gcCount(Window window) {
        return Math.max(window.memory().gc().collections(), window.jvm().gcCount());
    }

    private static List<Map<String, Object>> topSites(AllocationProfile alloc) {
        return alloc.topSites().stream().limit(TOP_LISTED).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("site", s.site());
            m.put("type", s.type());
            m.put("share", alloc.sampledBytes() == 0 ? 0 : Units.round((double) s.bytes() / alloc.sampledBytes(), 3));
            return m;
        }).toList();
    }

    private static String simpleName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
