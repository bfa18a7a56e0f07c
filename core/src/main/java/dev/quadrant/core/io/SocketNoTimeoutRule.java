package dev.quadrant.core.io;

import dev.quadrant.core.evidence.BlockingKind;
import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.SocketEndpoint;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A socket read with no timeout blocks for long. Two sources: reads still blocked (threads seen in the same
 * untimed read in consecutive thread samples: JFR only records a read when it returns, and the dangerous one
 * never does), and completed reads JFR recorded with timeout 0.
 */
public final class SocketNoTimeoutRule implements Rule {
    static final Duration MIN_REPORTED = Duration.ofSeconds(1);   // shorter untimed reads are ordinary request/response
    static final Duration WARN_BLOCKED = Duration.ofSeconds(5);   // longer than any sane downstream timeout
    static final Duration CRITICAL_BLOCKED = Duration.ofSeconds(30); // a thread as good as lost

    @Override public String id() { return "io.socket-no-timeout"; }
    @Override public Dimension dimension() { return Dimension.IO; }

    static final RuleInfo INFO = new RuleInfo("Socket read with no timeout blocks",
            "A thread of the application reads from a socket that has no read timeout and the read does not return: when the peer"
            + " hangs, the thread hangs with it, and so does the pool it belongs to.",
            "Blocked 5 s warning, 30 s critical (reported from 1 s); reads by the JDK's own idle connections are ignored.",
            "Set a read timeout (Socket.setSoTimeout, the HTTP client's request timeout, the driver's socketTimeout).",
            "jcmd <pid> Thread.print (the thread sits in a socket read, RUNNABLE)");

    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        List<BlockedCall> stuck = window.threads().blockedCalls().stream()
                .filter(c -> c.kind() == BlockingKind.SOCKET_READ)
                .sorted(Comparator.comparing(BlockedCall::blockedFor).reversed())
                .toList();
        Optional<SocketEndpoint> slowest = window.io().sockets().stream()
                .filter(e -> e.untimedReads() > 0 && Frames.hasApplicationFrame(e.untimedStack()))  // not the platform's idle readers (RMI)
                .max(Comparator.comparing(SocketEndpoint::longestUntimed));
        Duration stuckFor = stuck.isEmpty() ? Duration.ZERO : stuck.get(0).blockedFor();
        Duration completedFor = slowest.map(SocketEndpoint::longestUntimed).orElse(Duration.ZERO);
        Duration worst = stuckFor.compareTo(completedFor) >= 0 ? stuckFor : completedFor;
        if (worst.compareTo(MIN_REPORTED) < 0) return Optional.empty();
        int score = Score.of(worst, WARN_BLOCKED, CRITICAL_BLOCKED);
        boolean stillBlocked = stuckFor.compareTo(completedFor) >= 0;
        List<String> stack = stillBlocked ? stuck.get(0).stack() : slowest.get().untimedStack();
        String thread = stillBlocked ? stuck.get(0).thread() : slowest.get().untimedThread();
        String site = Frames.firstApplicationFrame(stack);
        String peer = slowest.map(SocketEndpoint::peer).orElse(null);
        String title = stillBlocked
                ? stuck.size() + (stuck.size() == 1 ? " thread has" : " threads have") + " been blocked up to " + Units.human(stuckFor)
                        + " in a socket read with no timeout at " + Frames.method(site)
                : "A socket read from " + peer + " with no timeout blocked " + Units.human(completedFor) + " at " + Frames.method(site);
        return Optional.of(Finding.of(this, score)
                .title(title)
                .detail("Longest untimed read " + Units.human(worst) + (stillBlocked ? " and still blocked" : "")
                        + " (warning at " + Units.human(WARN_BLOCKED) + ", critical at " + Units.human(CRITICAL_BLOCKED)
                        + "). Without SO_TIMEOUT a peer that stops answering holds the thread forever.")
                .evidence("longestBlockedMs", worst.toMillis())
                .evidence("stillBlocked", stillBlocked)
                .evidence("blockedThreads", stuck.stream().map(BlockedCall::thread).limit(16).toList())
                .evidence("thread", thread)
                .evidence("site", site)
                .evidence("peer", peer)
                .evidence("untimedReadsCompleted", window.io().sockets().stream().mapToLong(SocketEndpoint::untimedReads).sum())
                .stack(stack)
                .recommendation("Set a read timeout where " + site + " reads: Socket.setSoTimeout(ms) (or the client library's"
                        + " read/response timeout), and handle SocketTimeoutException with a retry or an error.")
                .verify("jcmd " + window.pid() + " Thread.print (the thread stays in NioSocketImpl.implRead without timedRead);"
                        + " ss -tnp | grep " + window.pid() + " shows the connection")
                .build());
    }
}
