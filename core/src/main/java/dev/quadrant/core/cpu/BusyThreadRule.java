package dev.quadrant.core.cpu;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.BusyThread;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One thread burns about a whole core, and keeps doing so: a spin loop, a runaway task, a retry loop with no back-off. */
public final class BusyThreadRule implements Rule {
    static final double WARN_CORE_SHARE = 0.80;       // "about a whole core": the thread is hardly ever off the CPU
    static final double CRITICAL_CORE_SHARE = 0.95;
    static final Duration WARN_BUSY_FOR = Duration.ofSeconds(10);     // a request or a batch step may burn a core briefly
    static final Duration CRITICAL_BUSY_FOR = Duration.ofSeconds(60); // a minute without a break is a runaway
    static final int MIN_REPORTED_SCORE = 12;
    static final int LISTED = 5;

    static final RuleInfo INFO = new RuleInfo("A thread burns a whole core",
            "A single thread uses about a whole core, window after window, with no break: a spin or busy-wait loop, a runaway"
                    + " task, a retry loop without back-off, a regular expression backtracking on a bad input.",
            "The thread's CPU 80% of a core warning, 95% critical, and busy without a break for 10 s warning, 60 s critical.",
            "Look at the stack: wait with a timeout or a blocking queue instead of spinning, add back-off to retries, bound the task's input.",
            "top -H -p <pid> (the thread at 100%), then jcmd <pid> Thread.print: match the thread name, read its stack");

    @Override public String id() { return "cpu.busy-thread"; }
    @Override public Dimension dimension() { return Dimension.CPU; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        if (window.cpu().busyThreads().isEmpty()) return Optional.empty();
        double windowMs = window.duration().toMillis();
        Optional<Score.Scored<BusyThread>> found = Score.best(window.cpu().busyThreads(), t -> score(t, windowMs));
        if (found.isEmpty() || found.get().score() < MIN_REPORTED_SCORE) return Optional.empty();
        BusyThread worst = found.get().item();
        int best = found.get().score();
        double share = share(worst, windowMs);
        String at = worst.stack().isEmpty() ? "" : " in " + Frames.method(Frames.firstApplicationFrame(worst.stack()));
        return Optional.of(Finding.of(this, best)
                .title("Thread \"" + worst.name() + "\" uses " + Units.percent(share) + " of a core for " + Units.human(worst.busyFor()) + at)
                .detail("CPU " + worst.cpuMillis() + " ms in a " + Math.round(windowMs) + " ms window = " + Units.percent(share)
                        + " of a core (warning at " + Units.percent(WARN_CORE_SHARE) + ", critical at " + Units.percent(CRITICAL_CORE_SHARE)
                        + "); busy without a break for " + Units.human(worst.busyFor()) + " (warning at " + Units.human(WARN_BUSY_FOR)
                        + ", critical at " + Units.human(CRITICAL_BUSY_FOR) + ").")
                .evidence("thread", worst.name())
                .evidence("coreShare", Units.round(share, 3))
                .evidence("busyForSeconds", worst.busyFor().toSeconds())
                .evidence("state", worst.state())
                .evidence("busyThreads", window.cpu().busyThreads().stream().limit(LISTED).map(t -> row(t, windowMs)).toList())
                .stack(worst.stack())
                .recommendation("Read what \"" + worst.name() + "\" loops on" + at + ": wait on a blocking queue or with a timeout instead of"
                        + " spinning, add back-off to retries, or bound the input it works through.")
                .verify("top -H -p " + window.pid() + " (the thread at 100%), then jcmd " + window.pid() + " Thread.print and find \"" + worst.name() + "\"")
                .build());
    }

    private static int score(BusyThread t, double windowMs) {
        return Score.both(Score.of(share(t, windowMs), WARN_CORE_SHARE, CRITICAL_CORE_SHARE),
                Score.of(t.busyFor(), WARN_BUSY_FOR, CRITICAL_BUSY_FOR));
    }

    private static double share(BusyThread t, double windowMs) { return Math.min(1.0, t.cpuMillis() / windowMs); }

    private static Map<String, Object> row(BusyThread t, double windowMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", t.name());
        m.put("coreShare", Units.round(share(t, windowMs), 3));
        m.put("busyForSeconds", t.busyFor().toSeconds());
        m.put("frame", t.stack().isEmpty() ? "" : Frames.firstApplicationFrame(t.stack()));
        return m;
    }
}
