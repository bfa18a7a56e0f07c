package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.BlockedCall;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Threads that run a task or a request sit in a wait with no timeout (Future.get(), join(), await(), wait()) for long:
 * whatever they wait for is late or lost, and they will wait forever. Idle workers waiting for their next task, and
 * threads of their own that wait for shutdown (a main thread on a latch), are not findings.
 */
public final class UntimedWaitRule implements Rule {
    static final Duration MIN_REPORTED = Duration.ofSeconds(3);
    static final Duration WARN_WAIT = Duration.ofSeconds(10);      // longer than any request should take
    static final Duration CRITICAL_WAIT = Duration.ofSeconds(60);  // a thread as good as lost
    static final int CRITICAL_THREADS = 8;                         // this many stuck at once drains a pool
    static final int LISTED = 16;

    static final RuleInfo INFO = new RuleInfo("Threads wait with no timeout",
            "Threads that run a pool's task or a request wait with no timeout (Future.get(), CompletableFuture.join(),"
                    + " Thread.join(), CountDownLatch/Condition.await(), Object.wait()) for long: if what they wait for never"
                    + " comes, they never return, and a pool whose tasks wait on tasks of the same pool deadlocks itself.",
            "A thread in the same wait for 10 s warning, 60 s critical (reported from 3 s); 8 threads at once past 10 s critical."
                    + " Idle workers waiting for work are ignored.",
            "Pass a timeout (get(timeout, unit), orTimeout(), join(millis), await(timeout, unit)) and handle it; never block a"
                    + " pool's thread on a task submitted to the same pool.",
            "jcmd <pid> Thread.print (the threads WAITING (parking) in the same frames, still there a minute later)");

    @Override public String id() { return "threads.untimed-wait"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        List<BlockedCall> waits = window.threads().blockedCalls().stream()
                .filter(c -> c.kind().isWait() && c.blockedFor().compareTo(MIN_REPORTED) >= 0)
                .sorted(Comparator.comparing(BlockedCall::blockedFor).reversed())
                .toList();
        if (waits.isEmpty()) return Optional.empty();
        BlockedCall longest = waits.get(0);
        String site = Frames.firstApplicationFrame(longest.stack());
        String kind = longest.kind().call();
        long pastWarning = waits.stream().filter(w -> w.blockedFor().compareTo(WARN_WAIT) >= 0).count();
        int score = Math.max(Score.of(longest.blockedFor(), WARN_WAIT, CRITICAL_WAIT),
                pastWarning == 0 ? 0 : Score.of(pastWarning, 1, CRITICAL_THREADS));
        long atSite = waits.stream().filter(w -> Frames.firstApplicationFrame(w.stack()).equals(site)).count();
        return Optional.of(Finding.of(this, score)
                .title(waits.size() + (waits.size() == 1 ? " thread has" : " threads have") + " waited up to " + Units.human(longest.blockedFor())
                        + " in " + kind + " with no timeout at " + Frames.method(site))
                .detail("\"" + longest.thread() + "\" has been in " + kind + " without a timeout for " + Units.human(longest.blockedFor())
                        + " (warning at " + Units.human(WARN_WAIT) + ", critical at " + Units.human(CRITICAL_WAIT) + "); " + pastWarning
                        + " threads past " + Units.human(WARN_WAIT) + " (critical at " + CRITICAL_THREADS + "); " + atSite
                        + " of them wait at the same place.")
                .evidence("wait", kind)
                .evidence("site", site)
                .evidence("longestWaitSeconds", longest.blockedFor().toSeconds())
                .evidence("thread", longest.thread())
                .evidence("threadsWaiting", waits.size())
                .evidence("threads", waits.stream().limit(LISTED).map(UntimedWaitRule::row).toList())
                .stack(longest.stack())
                .recommendation("At " + site + " use " + timedForm(kind) + " and handle the timeout (fail the request, retry, or"
                        + " cancel the task). If the awaited task runs on the same pool as the waiting thread, a full pool deadlocks:"
                        + " give the sub-tasks their own pool or compose them asynchronously.")
                .verify("jcmd " + window.pid() + " Thread.print (\"" + longest.thread() + "\" WAITING in " + kind + ", still there a minute later)")
                .build());
    }

    static String timedForm(String kind) {
        return switch (kind) {
            case "Future.get()", "CompletableFuture.get()" -> "get(timeout, unit)";
            case "CompletableFuture.join()" -> "orTimeout(timeout, unit) before join(), or get(timeout, unit)";
            case "Thread.join()" -> "join(millis)";
            case "Object.wait()" -> "wait(millis) in a loop that checks a deadline";
            default -> kind.replace("()", "(timeout, unit)");
        };
    }

    private static Map<String, Object> row(BlockedCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", c.thread());
        m.put("wait", c.kind().call());
        m.put("seconds", c.blockedFor().toSeconds());
        m.put("site", Frames.firstApplicationFrame(c.stack()));
        return m;
    }
}
