package dev.quadrant.core.io;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Growth;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.Optional;
import java.util.Set;

/**
 * Open file descriptors keep growing toward the process limit (streams and sockets opened and never closed), or are
 * already close to it: at the limit every open, accept and connect fails with "Too many open files".
 */
public final class FdLeakRule implements Rule {
    static final long MIN_GROWTH = 200;             // a pool or cache opening its files adds tens, once
    static final double MIN_GROWTH_SHARE = 0.02;    // and 2% of the limit
    static final double WARN_OCCUPANCY = 0.80;
    static final double CRITICAL_OCCUPANCY = 0.95;
    static final double MIN_REPORTED_OCCUPANCY = 0.60;

    static final RuleInfo INFO = new RuleInfo("File descriptors leak toward the limit",
            "The number of open file descriptors rises window over window (files, sockets or pipes opened and never closed), or is"
                    + " near the process limit: at the limit opens, accepts and connects fail with \"Too many open files\".",
            "Growth: at least 5 windows over 20 s, r² >= 0.6, not slowing down, 200 descriptors and 2% of the limit more; scored by"
                    + " the time until the limit (a day warning, an hour critical). Level: 80% of the limit warning, 95% critical.",
            "Close what you open (try-with-resources for streams, channels, sockets, Files.list/lines/walk), and bound pools;"
                    + " raise the limit only when the count is legitimate.",
            "ls -l /proc/<pid>/fd | wc -l, twice (and what they point to); lsof -p <pid>");

    @Override public String id() { return "io.fd-leak"; }
    @Override public Dimension dimension() { return Dimension.IO; }
    @Override public RuleInfo info() { return INFO; }

    /** While it grows: the next report says what the descriptors are. */
    @Override public Set<EvidenceRequest> requestsWhileFound() { return Set.of(EvidenceRequest.DESCRIPTOR_KINDS); }

    @Override public Optional<Finding> evaluate(Window window) {
        long open = window.jvm().openFileDescriptors(), max = window.jvm().maxFileDescriptors();
        if (open < 0 || max <= 0) return Optional.empty();
        Trend trend = Trend.of(window.series(), JvmSample::openFileDescriptors);
        double occupancy = (double) open / max;
        boolean growing = Growth.steady(trend) && trend.growth() >= Math.max(MIN_GROWTH, MIN_GROWTH_SHARE * max);
        if (!growing && occupancy < MIN_REPORTED_OCCUPANCY) return Optional.empty();
        double secondsLeft = growing ? trend.secondsUntil(max) : Double.POSITIVE_INFINITY;
        int score = Math.max(Growth.scoreByTimeLeft(secondsLeft), Score.of(occupancy, WARN_OCCUPANCY, CRITICAL_OCCUPANCY));
        return Optional.of(Finding.of(this, Math.max(1, score))
                .title((growing ? "Open file descriptors grow by " + Math.round(trend.slopePerSecond() * 60) + "/min to " + open + " of " + max
                        + ": limit reached " + Growth.timeLeft(secondsLeft)
                        : open + " file descriptors open, " + Units.percent(occupancy) + " of the limit of " + max)
                        + (window.io().openFiles().isEmpty() ? "" : "; most streams left open come from " + Frames.method(window.io().openFiles().get(0).site())))
                .detail("Open descriptors " + open + " of a limit of " + max + " (" + Units.percent(occupancy) + "; warning at "
                        + Units.percent(WARN_OCCUPANCY) + ", critical at " + Units.percent(CRITICAL_OCCUPANCY) + ")"
                        + (growing ? "; rose from " + Math.round(trend.first()) + " over " + trend.points() + " windows (" + Math.round(trend.spanSeconds())
                        + " s, r² " + Units.decimal(trend.r2()) + ")" : "") + ".")
                .evidence("openFileDescriptors", open)
                .evidence("maxFileDescriptors", max)
                .evidence("occupancy", Units.round(occupancy, 3))
                .evidence("trend", growing ? Growth.evidence(trend) : null)
                .evidence("secondsUntilLimit", Double.isInfinite(secondsLeft) ? null : Math.round(secondsLeft))
                .evidence("descriptorKinds", window.io().descriptorKinds().isEmpty() ? null : topKinds(window))
                .evidence("streamsStillOpenBySite", window.io().openFiles().isEmpty() ? null : window.io().openFiles().stream().map(FdLeakRule::row).toList())
                .stack(window.io().openFiles().isEmpty() ? java.util.List.of() : window.io().openFiles().get(0).stack())
                .recommendation((window.io().openFiles().isEmpty() ? "Find what the descriptors are (lsof: files, sockets, pipes; which paths or"
                        + " peers repeat) and close them where they are opened"
                        : "Close the streams opened at " + window.io().openFiles().get(0).site() + " (about " + window.io().openFiles().get(0).open()
                        + " still open)") + ": try-with-resources for streams, channels, sockets and Files.list/lines/walk.")
                .verify("ls -l /proc/" + window.pid() + "/fd | wc -l (twice, a minute apart); lsof -p " + window.pid()
                        + " | awk '{print $5, $9}' | sort | uniq -c | sort -rn | head")
                .build());
    }

    private static java.util.Map<String, Long> topKinds(Window window) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        window.io().descriptorKinds().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static java.util.Map<String, Object> row(dev.quadrant.core.evidence.OpenFileSite s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("site", s.site());
        m.put("stillOpen", s.open());
        return m;
    }
}
