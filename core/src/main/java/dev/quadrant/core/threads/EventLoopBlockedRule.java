package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.EventLoopStall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event loop (Netty's, and Vert.x's, Reactor Netty's, gRPC's on top of it) was kept away from its selector by one
 * call: a blocking read, a lock, Future.get(), a sleep, or a long computation in a handler. One loop serves many
 * connections, so each of them stalled as long. Vert.x's blocked-thread checker warns at 2 s; a loop is sampled every
 * 200 ms here, so a stall is seen from about half a second and warned about at one.
 */
public final class EventLoopBlockedRule implements Rule {
    static final Duration MIN_REPORTED = Duration.ofMillis(500);
    static final Duration WARN_STALL = Duration.ofSeconds(1);      // every connection of the loop froze for a second
    static final Duration CRITICAL_STALL = Duration.ofSeconds(5);  // clients time out
    static final int LISTED = 8;

    static final RuleInfo INFO = new RuleInfo("An event loop is blocked",
            "An event-loop thread (Netty, Vert.x, Reactor Netty, gRPC) runs one call for long instead of returning to its selector:"
                    + " a blocking read or JDBC call, a lock, Future.get(), a sleep, or heavy CPU work in a handler. Every connection"
                    + " the loop serves waits meanwhile, so one slow request stalls many.",
            "One loop away from its selector at the same place: 1 s warning, 5 s critical (reported from 500 ms; loops are sampled"
                    + " every 200 ms).",
            "Never block an event loop: move blocking work to a worker pool (Netty: an EventExecutorGroup on the handler;"
                    + " Vert.x: executeBlocking or a worker verticle; Reactor: publishOn(Schedulers.boundedElastic())), and use"
                    + " the asynchronous API of the client (non-blocking HTTP/database drivers).",
            "jcmd <pid> Thread.print (the event-loop thread not in select/epollWait, in the same handler frames a second later)");

    @Override public String id() { return "threads.event-loop-blocked"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        List<EventLoopStall> stalls = window.threads().eventLoopStalls().stream().filter(s -> s.stalled().compareTo(MIN_REPORTED) >= 0).toList();
        if (stalls.isEmpty()) return Optional.empty();
        EventLoopStall worst = stalls.get(0);  // longest first
        String site = Frames.firstApplicationFrame(worst.stack());
        String what = blockedIn(worst);
        return Optional.of(Finding.of(this, Score.of(worst.stalled(), WARN_STALL, CRITICAL_STALL))
                .title("Event loop \"" + worst.thread() + "\" " + (worst.ongoing() ? "has been" : "was") + " blocked for " + Units.human(worst.stalled())
                        + " in " + what + " at " + Frames.method(site))
                .detail("\"" + worst.thread() + "\" did not return to its selector for " + Units.human(worst.stalled()) + (worst.ongoing() ? " and still has not" : "")
                        + " (" + worst.state() + " in " + what + "): every connection it serves waited as long (warning at " + Units.human(WARN_STALL)
                        + ", critical at " + Units.human(CRITICAL_STALL) + "). " + stalls.size() + (stalls.size() == 1 ? " loop was" : " loops were")
                        + " blocked in the window.")
                .evidence("thread", worst.thread())
                .evidence("blockedMs", worst.stalled().toMillis())
                .evidence("ongoing", worst.ongoing())
                .evidence("state", worst.state())
                .evidence("blockedIn", what)
                .evidence("site", site)
                .evidence("loops", stalls.stream().limit(LISTED).map(EventLoopBlockedRule::row).toList())
                .stack(worst.stack())
                .recommendation("Take " + Frames.method(site) + " off the event loop: hand the blocking part to a worker pool (Netty: add the handler"
                        + " with an EventExecutorGroup; Vert.x: executeBlocking; Reactor: publishOn(Schedulers.boundedElastic())) or use a"
                        + " non-blocking client, and complete the response from its callback.")
                .verify("jcmd " + window.pid() + " Thread.print (\"" + worst.thread() + "\" in " + Frames.method(site) + ", not in select or epollWait)")
                .build());
    }

    /** The JDK call the loop sits in (the one nearest the application: Future.get, not the park inside it), or what kind of work. */
    static String blockedIn(EventLoopStall s) {
        String top = s.stack().isEmpty() ? "" : s.stack().get(0);
        String call = null;
        for (String frame : s.stack()) {
            if (!Frames.isPlatform(frame)) break;
            String c = jdkCall(frame);
            if (c != null) call = c;
        }
        if (call != null) return call;
        if (s.state().equals("BLOCKED")) return "a monitor (synchronized)";
        return s.state().equals("RUNNABLE") ? "CPU work" + (top.isEmpty() ? "" : " (" + Frames.method(top) + ")") : s.state().toLowerCase(java.util.Locale.ROOT);
    }

    private static String jdkCall(String frame) {
        if (frame.startsWith("java.lang.Thread.sleep")) return "Thread.sleep()";
        if (frame.startsWith("java.util.concurrent.CompletableFuture.get") || frame.startsWith("java.util.concurrent.FutureTask.get")) return "Future.get()";
        if (frame.startsWith("java.util.concurrent.CompletableFuture.join")) return "CompletableFuture.join()";
        if (frame.startsWith("sun.nio.ch.NioSocketImpl.") || frame.startsWith("java.net.SocketInputStream") || frame.startsWith("sun.nio.ch.SocketChannelImpl.read")) return "a socket read";
        if (frame.startsWith("java.util.concurrent.locks.") && !frame.startsWith("java.util.concurrent.locks.LockSupport.")) return "a lock or condition wait";
        if (frame.startsWith("java.lang.Object.wait")) return "Object.wait()";
        return null;
    }

    private static Map<String, Object> row(EventLoopStall s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", s.thread());
        m.put("blockedMs", s.stalled().toMillis());
        m.put("ongoing", s.ongoing());
        m.put("site", Frames.firstApplicationFrame(s.stack()));
        return m;
    }
}
