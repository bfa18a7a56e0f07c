package dev.quadrant.core.io;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.HostLookups;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host name resolution is slow or failing. Resolution has no JFR event; InetAddress's look-up is timed per host name.
 * Slow: the mean of the look-ups that went to the resolver, or the slowest one (a name server that does not answer
 * costs its 5 s timeout per try). Failing: look-ups that end in UnknownHostException, again and again.
 */
public final class SlowDnsRule implements Rule {
    static final Duration MIN_REPORTED = Duration.ofMillis(50);
    static final Duration WARN_MEAN = Duration.ofMillis(200);      // a normal resolver answers in a few ms, a far one in tens
    static final Duration CRITICAL_MEAN = Duration.ofSeconds(1);
    static final Duration WARN_LONGEST = Duration.ofSeconds(2);    // a timed-out name server: the resolver's 5 s per try
    static final Duration CRITICAL_LONGEST = Duration.ofSeconds(5);
    static final double WARN_FAILURES_PER_MINUTE = 6;              // one failed look-up every 10 s, every window
    static final double CRITICAL_FAILURES_PER_MINUTE = 60;
    static final int LISTED = 5;

    static final RuleInfo INFO = new RuleInfo("Slow or failing host name resolution",
            "Host name look-ups (InetAddress.getByName / getAllByName, which every client library uses) take long or fail: each"
                    + " request that connects pays it, and a name server that does not answer costs seconds per look-up.",
            "Mean of the look-ups that reached the resolver 200 ms warning, 1 s critical; the slowest 2 s warning, 5 s critical;"
                    + " failed look-ups 6/min warning, 60/min critical.",
            "Fix the resolver configuration (/etc/resolv.conf: a reachable name server, options timeout/attempts), resolve once"
                    + " and reuse connections, set networkaddress.cache.ttl sensibly, and stop looking up names that do not exist.",
            "jcmd <pid> Thread.print (threads inside InetAddress.getAllByName / lookupAllHostAddr), then time getent hosts <host>"
                    + " on the machine and dig <host> against each name server in /etc/resolv.conf");

    @Override public String id() { return "io.slow-dns"; }
    @Override public Dimension dimension() { return Dimension.IO; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        Optional<Score.Scored<HostLookups>> found = Score.best(window.io().hostLookups(), x -> score(x, window.seconds()));
        if (found.isEmpty() || found.get().score() == 0) return Optional.empty();
        HostLookups h = found.get().item();
        int best = found.get().score();
        boolean failing = failureScore(h, window.seconds()) >= slowScore(h);
        String site = h.stack().isEmpty() ? null : Frames.firstApplicationFrame(h.stack());
        String title = failing
                ? h.failures() + " look-ups of \"" + h.host() + "\" failed (" + h.failure() + ")"
                : "Resolving \"" + h.host() + "\" takes " + Units.human(h.meanResolution()) + " on average (slowest " + Units.human(h.longest()) + ")";
        return Optional.of(Finding.of(this, best)
                .title(title + (site == null ? "" : " at " + Frames.method(site)))
                .detail(h.lookups() + " look-ups of \"" + h.host() + "\" in the window, " + h.resolved() + " reached the resolver (mean "
                        + Units.human(h.meanResolution()) + "; warning at " + Units.human(WARN_MEAN) + ", critical at " + Units.human(CRITICAL_MEAN)
                        + "), the slowest " + Units.human(h.longest()) + " (warning at " + Units.human(WARN_LONGEST) + ", critical at "
                        + Units.human(CRITICAL_LONGEST) + "); " + h.failures() + " failed (warning at " + Math.round(WARN_FAILURES_PER_MINUTE)
                        + "/min, critical at " + Math.round(CRITICAL_FAILURES_PER_MINUTE) + "/min).")
                .evidence("host", h.host())
                .evidence("lookups", h.lookups())
                .evidence("resolved", h.resolved())
                .evidence("meanResolutionMs", h.meanResolution().toMillis())
                .evidence("longestMs", h.longest().toMillis())
                .evidence("failures", h.failures())
                .evidence("failure", h.failure())
                .evidence("thread", h.slowestThread())
                .evidence("site", site)
                .evidence("hosts", window.io().hostLookups().stream().limit(LISTED).map(SlowDnsRule::row).toList())
                .stack(h.stack())
                .recommendation(failing
                        ? "\"" + h.host() + "\" does not resolve: fix the name in the configuration" + (site == null ? "" : " used at " + site)
                        + ", or stop retrying it on every request; each failure also costs the resolver's time."
                        : "Check the resolver configuration (/etc/resolv.conf: every name server reachable, 'options timeout:1 attempts:2'),"
                        + " resolve \"" + h.host() + "\" once and reuse the connection (a connection pool), and keep the JDK's cache on"
                        + " (networkaddress.cache.ttl).")
                .verify("jcmd " + window.pid() + " Thread.print (threads inside InetAddress.getAllByName); time getent hosts " + h.host()
                        + " on the host; dig " + h.host() + " @<each nameserver in /etc/resolv.conf>")
                .build());
    }

    static int slowScore(HostLookups h) {
        if (h.longest().compareTo(MIN_REPORTED) < 0) return 0;
        return Math.max(Score.of(h.meanResolution(), WARN_MEAN, CRITICAL_MEAN), Score.of(h.longest(), WARN_LONGEST, CRITICAL_LONGEST));
    }

    static int failureScore(HostLookups h, double seconds) {
        return Score.of(h.failures() * 60 / Math.max(seconds, 1e-3), WARN_FAILURES_PER_MINUTE, CRITICAL_FAILURES_PER_MINUTE);
    }

    static int score(HostLookups h, double seconds) { return Math.max(slowScore(h), failureScore(h, seconds)); }

    private static Map<String, Object> row(HostLookups h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", h.host());
        m.put("lookups", h.lookups());
        m.put("resolved", h.resolved());
        m.put("meanResolutionMs", h.meanResolution().toMillis());
        m.put("longestMs", h.longest().toMillis());
        m.put("failures", h.failures());
        return m;
    }
}
