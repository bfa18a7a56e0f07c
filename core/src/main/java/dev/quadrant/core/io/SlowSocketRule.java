package dev.quadrant.core.io;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.Latencies;
import dev.quadrant.core.evidence.SocketEndpoint;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes to one remote host:port are slow, and threads spend real time waiting on them. */
public final class SlowSocketRule implements Rule {
    static final long MIN_OPERATIONS = 5;                          // a single slow call is an outlier, not a slow peer
    static final Duration WARN_MEAN = Duration.ofMillis(200);      // a typical request budget spent on one call
    static final Duration CRITICAL_MEAN = Duration.ofSeconds(1);
    static final double WARN_WAITING = 0.1;                         // threads waiting on the peer, on average over the window
    static final double CRITICAL_WAITING = 1.0;                     // a whole thread's time, all the time
    static final int LISTED = 5;
    static final int MIN_REPORTED_SCORE = 12;  // under half a warning there is nothing to tell

    static final RuleInfo INFO = new RuleInfo("Slow calls to a remote peer",
            "Socket reads and writes to one host:port take long and threads spend a real part of their time waiting on them: a"
                    + " slow database, an overloaded downstream service, a congested network path. Only calls over 20 ms are recorded.",
            "Mean of the recorded calls 200 ms warning, 1 s critical, and the threads waiting on the peer 0.1 on average warning,"
                    + " 1 critical; at least 5 slow calls in the window.",
            "Look at the peer first (its own latency, load, pool sizes); bound the wait with timeouts, cache or batch calls,"
                    + " move them off the request path.",
            "jcmd <pid> Thread.print (threads in socketRead for that peer); ss -tnpi dst <host> (retransmits, rtt)");

    @Override public String id() { return "io.slow-socket"; }
    @Override public Dimension dimension() { return Dimension.IO; }
    @Override public boolean quietWhileStartingUp() { return true; }  // the first calls load and compile the client and server code
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        double seconds = window.seconds();
        Optional<Score.Scored<SocketEndpoint>> found = Score.best(window.io().sockets(), e -> score(e, seconds));
        if (found.isEmpty() || found.get().score() < MIN_REPORTED_SCORE) return Optional.empty();
        SocketEndpoint worst = found.get().item();
        int best = found.get().score();
        Duration mean = mean(worst);
        double waiting = worst.blockedTime().toNanos() / (seconds * 1e9);
        String site = Frames.firstApplicationFrame(worst.slowestStack());
        return Optional.of(Finding.of(this, best)
                .title("Calls to " + worst.peer() + " take " + Units.human(mean) + " on average (" + worst.operations() + " slow calls, "
                        + Units.decimal(waiting) + " threads waiting)")
                .detail(worst.reads() + " reads and " + worst.writes() + " writes over 20 ms, mean " + Units.human(mean) + " (warning at "
                        + Units.human(WARN_MEAN) + ", critical at " + Units.human(CRITICAL_MEAN) + "), longest " + Units.human(worst.longest().compareTo(worst.longestWrite()) > 0
                        ? worst.longest() : worst.longestWrite()) + "; threads spent " + Units.human(worst.blockedTime()) + " waiting = "
                        + Units.decimal(waiting) + " threads on average (warning at " + WARN_WAITING + ", critical at " + CRITICAL_WAITING + ").")
                .evidence("peer", worst.peer())
                .evidence("reads", worst.reads())
                .evidence("writes", worst.writes())
                .evidence("meanMs", Units.round(mean.toNanos() / 1e6, 1))
                .evidence("threadsWaiting", Units.round(waiting, 2))
                .evidence("bytesRead", worst.bytes())
                .evidence("bytesWritten", worst.bytesWritten())
                .evidence("latencies", Latencies.labelled(worst.latencies()))
                .evidence("slowestThread", worst.slowestThread())
                .evidence("site", site)
                .evidence("peers", window.io().sockets().stream().sorted(Comparator.comparing(SocketEndpoint::blockedTime).reversed())
                        .limit(LISTED).map(e -> row(e, seconds)).toList())
                .stack(worst.slowestStack())
                .recommendation("Check " + worst.peer() + " itself (its latency, load and pool sizes); at " + site
                        + " bound the wait with a timeout, cache or batch the calls, or move them off the request path.")
                .verify("jcmd " + window.pid() + " Thread.print (threads in socketRead to " + worst.peer() + "); ss -tni dst "
                        + host(worst.peer()) + " (rtt, retransmits)")
                .build());
    }

    static int score(SocketEndpoint e, double seconds) {
        if (e.operations() < MIN_OPERATIONS) return 0;
        double waiting = e.blockedTime().toNanos() / (seconds * 1e9);
        return Score.both(Score.of(mean(e), WARN_MEAN, CRITICAL_MEAN), Score.of(waiting, WARN_WAITING, CRITICAL_WAITING));
    }

    private static Duration mean(SocketEndpoint e) { return e.blockedTime().dividedBy(Math.max(1, e.operations())); }

    private static Map<String, Object> row(SocketEndpoint e, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer", e.peer());
        m.put("slowCalls", e.operations());
        m.put("meanMs", Units.round(mean(e).toNanos() / 1e6, 1));
        m.put("threadsWaiting", Units.round(e.blockedTime().toNanos() / (seconds * 1e9), 2));
        return m;
    }

    private static String host(String peer) {
        int colon = peer.lastIndexOf(':');
        return colon < 0 ? peer : peer.substring(0, colon);
    }
}
