package dev.quadrant.core.memory;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Trend;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.JvmSample;
import java.util.Optional;

/**
 * Objects wait for the single finalizer thread faster than it runs them: each keeps its whole object graph alive,
 * so the heap fills with garbage that cannot be collected.
 */
public final class FinalizerBacklogRule implements Rule {
    static final long MIN_REPORTED = 1_000;      // a few hundred pending after a GC drain in milliseconds
    static final double WARN_PENDING = 10_000;
    static final double CRITICAL_PENDING = 100_000;

    static final RuleInfo INFO = new RuleInfo("Objects pile up waiting for finalization",
            "Objects with a finalize() method wait for the one finalizer thread, which runs slower than they arrive (a slow or"
                    + " blocking finalize()); each keeps everything it references alive, so the heap fills with uncollectable garbage.",
            "Pending finalization 10,000 warning, 100,000 critical (reported from 1,000); INFO while the backlog is draining.",
            "Replace finalize() with try-with-resources or java.lang.ref.Cleaner, and keep cleanup actions short and non-blocking.",
            "jcmd <pid> GC.finalizer_info; jcmd <pid> Thread.print (what the Finalizer thread is doing)");

    @Override public String id() { return "memory.finalizer-backlog"; }
    @Override public Dimension dimension() { return Dimension.MEMORY; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        long pending = window.jvm().pendingFinalization();
        if (pending < MIN_REPORTED) return Optional.empty();
        Trend trend = Trend.of(window.series(), JvmSample::pendingFinalization);
        boolean growing = trend.points() >= 3 && trend.slopePerSecond() > 0 && trend.last() >= trend.max() * 0.9;
        int score = Score.of(pending, WARN_PENDING, CRITICAL_PENDING);
        if (!growing) score = Math.min(score, Score.INFO_CAP);
        return Optional.of(Finding.of(this, score)
                .title(pending + " objects waiting for finalization" + (growing ? ", and growing" : ""))
                .detail(pending + " objects pending finalization (warning at " + (long) WARN_PENDING + ", critical at " + (long) CRITICAL_PENDING
                        + "); " + (growing ? "rising " + Math.round(trend.slopePerSecond()) + "/s over " + trend.points() + " windows"
                        : "not rising: the finalizer is catching up") + ".")
                .evidence("pendingFinalization", pending)
                .evidence("growing", growing)
                .evidence("growthPerSecond", trend.points() > 1 ? Math.round(trend.slopePerSecond()) : null)
                .recommendation("Find the class with a slow finalize() (GC.finalizer_info lists the pending classes) and replace finalize()"
                        + " with try-with-resources or a Cleaner whose action is short and never blocks.")
                .verify("jcmd " + window.pid() + " GC.finalizer_info; jcmd " + window.pid() + " Thread.print | grep -A10 '\"Finalizer\"'")
                .build());
    }
}
