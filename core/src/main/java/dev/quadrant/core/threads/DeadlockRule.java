package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.DeadlockedThread;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Threads wait for each other's locks (monitors or java.util.concurrent locks) in a cycle: they never move again. */
public final class DeadlockRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("Threads are deadlocked",
            "Two or more threads each hold a lock the next one needs, in a cycle: none of them can ever proceed, and every"
                    + " thread that later needs one of those locks joins them.",
            "Any deadlock the JVM finds (monitors and ownable synchronizers such as ReentrantLock) is critical.",
            "Take the locks in one global order everywhere, or use tryLock with a timeout and back off; the application must be"
                    + " restarted to recover.",
            "jcmd <pid> Thread.print (ends with \"Found one Java-level deadlock\")");

    @Override public String id() { return "threads.deadlock"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        if (window.threads().deadlocked().isEmpty()) return Optional.empty();
        DeadlockedThread first = window.threads().deadlocked().get(0);
        String cycle = window.threads().deadlocked().stream()
                .map(t -> "\"" + t.thread() + "\" waits for " + t.waitingFor() + " held by \"" + t.heldBy() + "\"")
                .collect(Collectors.joining("; "));
        String site = Frames.firstApplicationFrame(first.stack());
        return Optional.of(Finding.of(this, Score.MAX)
                .title(window.threads().deadlocked().size() + " threads are deadlocked: \"" + first.thread() + "\" waits at " + Frames.method(site))
                .detail(cycle + ". They will never proceed.")
                .evidence("threads", window.threads().deadlocked().stream().map(DeadlockRule::row).toList())
                .stack(first.stack())
                .recommendation("Make every code path take these locks in the same order (see where each thread holds one and waits for"
                        + " the other: " + window.threads().deadlocked().stream().map(t -> Frames.method(Frames.firstApplicationFrame(t.stack())))
                        .distinct().collect(Collectors.joining(", ")) + "), or acquire with tryLock(timeout) and back off."
                        + " Restart the service to recover now.")
                .verify("jcmd " + window.pid() + " Thread.print (\"Found one Java-level deadlock\" at the end)")
                .build());
    }

    private static Map<String, Object> row(DeadlockedThread t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", t.thread());
        m.put("state", t.state());
        m.put("waitingFor", t.waitingFor());
        m.put("heldBy", t.heldBy());
        m.put("holds", t.holds());
        m.put("at", Frames.firstApplicationFrame(t.stack()));
        return m;
    }
}
