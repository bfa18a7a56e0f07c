package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.ThreadPool;
import java.util.Optional;

/**
 * A pool rejects tasks. What a rejection costs depends on the policy: with AbortPolicy the submitter gets an exception
 * (a failed request), with the Discard policies the task is silently lost; both are findings from the first one.
 * CallerRunsPolicy runs the task on the submitting thread, back-pressure by design: a finding only when frequent.
 */
public final class PoolRejectionRule implements Rule {
    static final double WARN_LOSS_SHARE = 0.001;        // lost tasks: any is a warning; 0.1% of submissions scores 25
    static final double CRITICAL_LOSS_SHARE = 0.01;     // one task in a hundred lost or failed
    static final double WARN_CALLER_RUNS_SHARE = 0.10;  // the submitter does a tenth of the pool's work itself
    static final double CRITICAL_CALLER_RUNS_SHARE = 0.50;
    static final String CALLER_RUNS = "java.util.concurrent.ThreadPoolExecutor$CallerRunsPolicy";

    static final RuleInfo INFO = new RuleInfo("A thread pool rejects tasks",
            "An executor refuses submitted tasks because its threads and queue are full or it is shut down. With AbortPolicy the"
                    + " submitter gets RejectedExecutionException; with DiscardPolicy or DiscardOldestPolicy the task is silently lost;"
                    + " with CallerRunsPolicy the submitting thread runs it itself.",
            "Any rejection with a policy that fails or drops the task is a warning, 1% of submissions critical; with"
                    + " CallerRunsPolicy 10% of submissions warning, 50% critical.",
            "Find why the pool is full (see threads.pool-saturation); size it for the load, and choose deliberately what happens"
                    + " when it is full: fail fast to the caller, or apply back-pressure upstream.",
            "jcmd <pid> Thread.print (the pool's workers), and the application log for RejectedExecutionException");

    @Override public String id() { return "threads.pool-rejection"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Optional<Score.Scored<ThreadPool>> found = Score.best(
                window.threads().pools().stream().filter(x -> Pools.isApplication(x) && x.throughput().rejected() > 0).toList(), PoolRejectionRule::score);
        if (found.isEmpty()) return Optional.empty();
        ThreadPool p = found.get().item();
        int best = found.get().score();
        double share = share(p);
        boolean callerRuns = CALLER_RUNS.equals(p.throughput().rejectionPolicy());
        String policy = p.throughput().rejectionPolicy() == null ? "(unknown)" : p.throughput().rejectionPolicy().substring(p.throughput().rejectionPolicy().lastIndexOf('.') + 1);
        String outcome = callerRuns ? "ran on the submitting thread instead" : switch (policy) {
            case "ThreadPoolExecutor$AbortPolicy" -> "failed with RejectedExecutionException";
            case "ThreadPoolExecutor$DiscardPolicy" -> "were silently discarded";
            case "ThreadPoolExecutor$DiscardOldestPolicy" -> "pushed the oldest queued tasks out, silently lost";
            default -> "went to the handler " + policy;
        };
        String site = p.throughput().rejectStack() == null ? "(unknown)" : Frames.firstApplicationFrame(p.throughput().rejectStack());
        if (Pools.isConnectionPool(p)) return Optional.of(timeouts(window, p, best, share, site));
        return Optional.of(Finding.of(this, best)
                .title("Pool " + Pools.label(p) + " rejected " + p.throughput().rejected() + " tasks (" + Units.percent(share) + " of submissions): they "
                        + outcome)
                .detail(p.throughput().rejected() + " of " + (p.throughput().submitted() + p.throughput().rejected()) + " submissions rejected in the window (" + Units.percent(share)
                        + "; " + (callerRuns ? "CallerRunsPolicy: warning at " + Units.percent(WARN_CALLER_RUNS_SHARE) + ", critical at "
                        + Units.percent(CRITICAL_CALLER_RUNS_SHARE) : "tasks failed or lost: warning from the first, critical at "
                        + Units.percent(CRITICAL_LOSS_SHARE)) + "). " + (p.shutdown() ? "The pool is shut down: tasks were submitted after"
                        + " shutdown()." : Pools.sizes(p) + ", " + p.queue().queued() + " queued of a capacity of "
                        + (p.queue().capacity() < 0 ? "unbounded" : String.valueOf(p.queue().capacity())) + "."))
                .evidence("pool", Pools.evidence(p, window.seconds()))
                .evidence("rejectedShare", Units.round(share, 4))
                .evidence("submitter", p.throughput().rejectThread())
                .evidence("submittedAt", site)
                .stack(p.throughput().rejectStack() == null ? java.util.List.of() : p.throughput().rejectStack())
                .recommendation(p.shutdown()
                        ? "Stop submitting to \"" + p.name() + "\" after it is shut down (" + site + "): order the shutdown so producers stop first."
                        : "\"" + p.name() + "\" is full: " + Pools.sizes(p) + ". Find why its tasks are slow or its queue too small,"
                        + " size it for the load, and decide at " + site + " what a full pool means: fail the request fast with a clear"
                        + " error, or slow the producer down (back-pressure); never drop work silently.")
                .verify("jcmd " + window.pid() + " Thread.print (the pool's workers all busy); grep RejectedExecutionException in the application log")
                .build());
    }

    /** A connection pool "rejects" a request for a connection by timing it out: the request fails with an SQL exception. */
    private Finding timeouts(Window window, ThreadPool p, int score, double share, String site) {
        long n = p.throughput().rejected();
        return Finding.of(this, score)
                .title("Connection pool \"" + p.name() + "\": " + n + " getConnection " + (n == 1 ? "call" : "calls") + " timed out (" + Units.percent(share)
                        + " of the requests for a connection failed with SQLTransientConnectionException)")
                .detail(n + " of " + (p.throughput().submitted()) + " requests for a connection timed out in the window; " + p.sizes().active() + " of "
                        + p.sizes().max() + " connections in use, " + p.queue().queued() + " threads waiting for one. Each timeout is a failed request.")
                .evidence("pool", Pools.evidence(p, window.seconds()))
                .evidence("rejectedShare", Units.round(share, 4))
                .evidence("submitter", p.throughput().rejectThread())
                .evidence("submittedAt", site)
                .stack(p.throughput().rejectStack() == null ? java.util.List.of() : p.throughput().rejectStack())
                .recommendation("The pool's " + p.sizes().max() + " connections are held too long for the requests that need them (see"
                        + " threads.pool-saturation): find the slow queries and connections held across remote calls, size maximumPoolSize for"
                        + " the database, and at " + site + " treat a timeout as overload (fail fast, shed load) rather than retrying into the queue.")
                .verify("grep SQLTransientConnectionException in the application log; jcmd " + window.pid() + " Thread.print (threads in HikariPool.getConnection)")
                .build();
    }

    static double share(ThreadPool p) {
        long offered = p.throughput().submitted() + p.throughput().rejected();
        return offered <= 0 ? 1.0 : Math.min(1.0, (double) p.throughput().rejected() / offered);
    }

    static int score(ThreadPool p) {
        double share = share(p);
        if (CALLER_RUNS.equals(p.throughput().rejectionPolicy())) return Score.of(share, WARN_CALLER_RUNS_SHARE, CRITICAL_CALLER_RUNS_SHARE);
        return Math.max(Severity.WARNING_FROM, Score.of(share, WARN_LOSS_SHARE, CRITICAL_LOSS_SHARE));
    }
}
