package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.Optional;

/**
 * A pool's threads are all busy and tasks wait in its queue. Judged by how long tasks wait (a sample of tasks is
 * timed from submit to start), not by queue length: 500 queued 1 ms tasks are nothing, 5 queued 2 s tasks are a stall.
 * The longest a sampled task is still waiting counts too, so a pool that has stopped taking tasks at all is seen.
 */
public final class PoolSaturationRule implements Rule {
    static final Duration MIN_REPORTED_WAIT = Duration.ofMillis(50);
    static final Duration WARN_WAIT = Duration.ofMillis(250);    // a request that queues a quarter second is felt by users
    static final Duration CRITICAL_WAIT = Duration.ofSeconds(2); // the queue adds seconds: timeouts upstream start firing
    static final int MIN_SAMPLED_WAITS = 5;                      // a mean over fewer is one unlucky task

    static final RuleInfo INFO = new RuleInfo("A thread pool is saturated",
            "Every thread of an executor is busy and submitted tasks wait in its queue before they start: requests slow down by"
                    + " the queue wait, and an unbounded queue grows until memory runs out.",
            "Mean queue wait of the sampled tasks (one in 8 is timed from submit to start, at least 5 in the window), or the"
                    + " longest a sampled task is still waiting: 250 ms warning, 2 s critical.",
            "Find why tasks are slow (their run time, what they block on); size the pool for blocking work, bound the queue"
                    + " and shed load, and never use maximumPoolSize with an unbounded queue (it is never reached).",
            "jcmd <pid> Thread.print (every worker of the pool busy, in the same frames)");

    @Override public String id() { return "threads.pool-saturation"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        ThreadPool worst = null;
        Duration worstWait = Duration.ZERO;
        for (ThreadPool p : window.threads().pools()) {
            if (!Pools.isApplication(p) || p.shutdown()) continue;
            Duration wait = waitOf(p);
            if (wait.compareTo(worstWait) > 0) { worst = p; worstWait = wait; }
        }
        if (worst == null || worstWait.compareTo(MIN_REPORTED_WAIT) < 0) return Optional.empty();
        ThreadPool p = worst;
        int score = Score.of(worstWait, WARN_WAIT, CRITICAL_WAIT);
        boolean stillWaiting = p.oldestPending().compareTo(p.waits().mean()) > 0 || p.waits().sampled() < MIN_SAMPLED_WAITS;
        String site = p.origin().site() == null ? "(created before Quadrant's instrumentation was in place)" : p.origin().site();
        if (Pools.isConnectionPool(p)) return Optional.of(connectionPool(window, p, score, worstWait, site));
        return Optional.of(Finding.of(this, score)
                .title("Pool " + Pools.label(p) + " is saturated: tasks wait " + Units.human(worstWait) + " in its queue ("
                        + (p.sizes().active() < 0 ? p.sizes().current() + "/" + p.sizes().max() + " threads" : p.sizes().active() + "/" + p.sizes().max() + " threads busy")
                        + ", " + p.queue().queued() + " queued)")
                .detail(waitSentence(p, stillWaiting) + "; warning at " + Units.human(WARN_WAIT) + ", critical at "
                        + Units.human(CRITICAL_WAIT) + ". " + Pools.sizes(p) + "; " + p.queue().queued() + " tasks queued"
                        + (p.queue().before() >= 0 ? " (" + p.queue().before() + " a window earlier)" : "") + "; tasks run "
                        + Units.human(p.runs().mean()) + " on average; " + p.throughput().submitted() + " submitted and " + p.throughput().completed()
                        + " completed in the window.")
                .evidence("pool", Pools.evidence(p, window.seconds()))
                .evidence("site", site)
                .evidence("queueWaitMs", worstWait.toMillis())
                .stack(p.origin().stack())
                .recommendation(advice(p))
                .verify("jcmd " + window.pid() + " Thread.print (the threads named like \"" + p.name() + "\": all busy, and in what?)")
                .build());
    }

    /**
     * A JDBC connection pool is judged by the same wait: its queue is the threads in getConnection, its busy workers
     * the connections in use. One rule for both, because both are one bounded resource that requests queue for.
     */
    private Finding connectionPool(Window window, ThreadPool p, int score, Duration wait, String site) {
        long timeouts = p.throughput().rejected();
        return Finding.of(this, score)
                .title("Connection pool \"" + p.name() + "\" is exhausted: requests wait " + Units.human(wait) + " for a connection ("
                        + p.sizes().active() + "/" + p.sizes().max() + " connections in use, " + p.queue().queued() + " threads waiting)")
                .detail("The " + p.waits().sampled() + " getConnection calls of the window waited " + Units.human(p.waits().mean()) + " on average (longest "
                        + Units.human(p.waits().longest()) + "; warning at " + Units.human(WARN_WAIT) + ", critical at " + Units.human(CRITICAL_WAIT) + "); "
                        + p.sizes().active() + " of " + p.sizes().max() + " connections in use, " + p.sizes().current() + " open; " + p.queue().queued()
                        + " threads waiting for one" + (timeouts > 0 ? "; " + timeouts + " timed out (SQLTransientConnectionException)" : "") + ".")
                .evidence("pool", Pools.evidence(p, window.seconds()))
                .evidence("site", site)
                .evidence("queueWaitMs", wait.toMillis())
                .evidence("timeouts", timeouts)
                .stack(p.throughput().rejectStack() != null ? p.throughput().rejectStack() : p.origin().stack())
                .recommendation("Requests hold the pool's " + p.sizes().max() + " connections longer than they arrive: find the slow queries and"
                        + " the connections held across remote calls or long transactions (HikariCP's leakDetectionThreshold names the holders);"
                        + " then size maximumPoolSize for the database, not for the request pool: more request threads than connections"
                        + " only queue here. A short connectionTimeout fails fast instead of piling up waiting threads.")
                .verify("jcmd " + window.pid() + " Thread.print (threads TIMED_WAITING in HikariPool.getConnection / ConcurrentBag.borrow)")
                .build();
    }

    private static String waitSentence(ThreadPool p, boolean stillWaiting) {
        if (p.waits().estimated() && p.waits().mean().compareTo(p.oldestPending()) >= 0) {
            return "Tasks waited about " + Units.human(p.waits().mean()) + " in the queue, estimated from its length and the " + p.waits().sampled()
                    + " tasks that left it (every task submitted is one shared object, which cannot be timed task by task)";
        }
        if (stillWaiting) return "A sampled task has been waiting " + Units.human(p.oldestPending()) + " and has not started";
        return "The " + p.waits().sampled() + " sampled tasks waited " + Units.human(p.waits().mean()) + " on average in the queue (longest "
                + Units.human(p.waits().longest()) + ")";
    }

    /** The pool's queue wait: the sampled mean when there are enough samples, or the longest wait still going on. */
    static Duration waitOf(ThreadPool p) {
        Duration mean = p.waits().sampled() >= MIN_SAMPLED_WAITS ? p.waits().mean() : Duration.ZERO;
        return mean.compareTo(p.oldestPending()) >= 0 ? mean : p.oldestPending();
    }

    private static String advice(ThreadPool p) {
        StringBuilder b = new StringBuilder();
        String where = p.origin().site() == null ? "" : " (created at " + Frames.method(p.origin().site()) + ")";
        if (p.queue().capacity() < 0 && p.sizes().max() > p.sizes().core()) {
            b.append("maximumPoolSize ").append(p.sizes().max()).append(" is never reached: with an unbounded queue the pool stays at its ")
                    .append(p.sizes().core()).append(" core threads; raise corePoolSize or use a bounded queue. ");
        }
        b.append("Tasks run ").append(Units.human(p.runs().mean())).append(" on average in \"").append(p.name()).append('"').append(where)
                .append(": find what they spend it on (a slow call, a lock); if they block on I/O, more threads help, if they")
                .append(" burn CPU, they do not. Bound the queue and reject or shed load rather than let waits grow without limit.");
        return b.toString();
    }
}
