package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Growth;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.LiveThreads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The number of live threads keeps growing: threads or executors started and never stopped. Each thread holds a stack
 * and native memory; at the limit (container pids limit, ulimit -u, memory) the JVM fails with "unable to create native
 * thread". Grouped by name pattern and creation site, so the finding names the code that starts them.
 */
public final class ThreadLeakRule implements Rule {
    static final long MIN_GROWTH = 20;              // a pool filling up to its size adds a few, once
    static final long WARN_GROWTH = 100;            // a hundred more threads in a steady line is a leak whatever the rate
    static final long REFERENCE_LIMIT = 10_000;     // where JVMs in containers and default ulimits fail to create threads
    static final int LISTED = 8;

    static final RuleInfo INFO = new RuleInfo("Threads leak",
            "The number of live threads rises window over window: threads, timers or whole executors are created per request or per"
                    + " job and never stopped. Each costs a stack and native memory; at the limit the JVM throws OutOfMemoryError:"
                    + " unable to create native thread.",
            "At least 5 windows over 20 s, r² >= 0.6, not slowing down, 20 threads more; scored by the time until 10,000 threads"
                    + " (a day warning, an hour critical), and at least a warning past 100 more.",
            "Reuse one executor instead of creating one per call, shut down executors you create (try/finally, or"
                    + " try-with-resources on JDK 19+), and give threads names that say who started them.",
            "jcmd <pid> Thread.print | grep '^\"' | sed 's/[0-9]\\+/N/g' | sort | uniq -c | sort -rn | head (twice, a minute apart)");

    @Override public String id() { return "threads.leak"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Trend trend = Trend.of(window.series(), JvmSample::threadCount);
        if (!Growth.steady(trend) || trend.growth() < MIN_GROWTH) return Optional.empty();
        double secondsLeft = trend.secondsUntil(REFERENCE_LIMIT);
        int score = Growth.scoreByTimeLeft(secondsLeft);
        if (trend.growth() >= WARN_GROWTH) score = Math.max(score, Severity.WARNING_FROM);
        LiveThreads top = window.threads().groups().stream().filter(g -> g.change() > 0).findFirst()
                .orElse(window.threads().groups().isEmpty() ? null : window.threads().groups().get(0));
        String who = top == null ? "" : ": most are \"" + top.namePattern() + "\"" + (top.stack().isEmpty() ? "" : " started at " + Frames.method(top.site()));
        long live = window.jvm().threadCount();
        return Optional.of(Finding.of(this, Math.max(1, score))
                .title("Live threads grow by " + Math.round(trend.slopePerSecond() * 60) + "/min to " + live + who)
                .detail("Live threads rose from " + Math.round(trend.first()) + " to " + live + " over " + trend.points() + " windows ("
                        + Math.round(trend.spanSeconds()) + " s, r² " + Units.decimal(trend.r2()) + "); at this rate "
                        + REFERENCE_LIMIT + " threads are reached " + Growth.timeLeft(secondsLeft) + " (warning within a day, critical within an hour)."
                        + (top == null ? "" : " Largest growing group: " + top.live() + " live threads named \"" + top.namePattern() + "\" ("
                        + (top.change() >= 0 ? "+" : "") + top.change() + " this window)" + (top.stack().isEmpty() ? ", started before Quadrant's instrumentation was in place" : ", started at " + top.site()) + "."))
                .evidence("liveThreads", live)
                .evidence("trend", Growth.evidence(trend))
                .evidence("secondsUntilReferenceLimit", Double.isInfinite(secondsLeft) ? null : Math.round(secondsLeft))
                .evidence("groups", window.threads().groups().stream().limit(LISTED).map(ThreadLeakRule::row).toList())
                .stack(top == null ? java.util.List.of() : top.stack())
                .recommendation(top == null || top.stack().isEmpty()
                        ? "Find which threads accumulate (group a thread dump by name) and stop them when their work is done: reuse one"
                        + " executor, or shut down the ones you create."
                        : "Threads \"" + top.namePattern() + "\" are started at " + top.site() + " and never end: reuse one executor"
                        + " there instead of creating one per call, or shut it down when the work is done (try/finally).")
                .verify("jcmd " + window.pid() + " Thread.print | grep '^\"' | sed 's/[0-9]\\+/N/g' | sort | uniq -c | sort -rn | head"
                        + " (twice, a minute apart: the growing name)")
                .build());
    }

    private static Map<String, Object> row(LiveThreads g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.namePattern());
        m.put("live", g.live());
        m.put("change", g.change());
        m.put("startedAt", g.stack().isEmpty() ? "(before Quadrant's instrumentation was in place)" : g.site());
        m.put("examples", g.examples());
        return m;
    }
}
