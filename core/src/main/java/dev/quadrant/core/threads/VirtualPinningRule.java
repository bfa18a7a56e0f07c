package dev.quadrant.core.threads;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.VirtualPinning;
import java.time.Duration;
import java.util.Optional;

/**
 * Virtual threads block while pinned to their carrier thread (JDK 21+; JFR's jdk.VirtualThreadPinned, 20 ms and
 * longer): the carrier cannot run other virtual threads meanwhile, and with few carriers (one per core) the whole
 * scheduler stalls. Judged by how many carriers are pinned on average.
 */
public final class VirtualPinningRule implements Rule {
    static final double MIN_CARRIER_SHARE = 0.005;
    static final double WARN_CARRIER_SHARE = 0.05;      // a twentieth of the carriers' time lost
    static final double CRITICAL_CARRIER_SHARE = 0.25;  // a quarter: the scheduler visibly stalls
    static final int DEFAULT_CARRIERS = 1;

    static final RuleInfo INFO = new RuleInfo("Virtual threads pinned to their carriers",
            "Virtual threads block while pinned to their carrier thread, so the carrier cannot run other virtual threads: on"
                    + " JDK 21-23 inside synchronized blocks, on every JDK in native frames and class initializers.",
            "Pinned time (events of 20 ms and more) as a share of the carriers' time (one carrier per core): 5% warning, 25% critical.",
            "Do not block inside synchronized (use ReentrantLock) on JDK 21-23, move blocking work out of static initializers and"
                    + " native callbacks, or upgrade to JDK 24+ (JEP 491).",
            "jcmd <pid> JFR.start duration=60s filename=pinned.jfr, then jfr print --events jdk.VirtualThreadPinned pinned.jfr");

    @Override public String id() { return "threads.virtual-pinning"; }
    @Override public Dimension dimension() { return Dimension.THREADS; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        if (window.threads().pinning().isEmpty()) return Optional.empty();
        VirtualPinning top = window.threads().pinning().get(0);  // most pinned time first
        long totalNanos = window.threads().pinning().stream().mapToLong(p -> p.total().toNanos()).sum();
        long count = window.threads().pinning().stream().mapToLong(VirtualPinning::count).sum();
        int carriers = window.jvm().availableProcessors() > 0 ? window.jvm().availableProcessors() : DEFAULT_CARRIERS;
        double share = totalNanos / (double) window.duration().toNanos() / carriers;
        if (share < MIN_CARRIER_SHARE) return Optional.empty();
        String site = top.site();
        return Optional.of(Finding.of(this, Score.of(share, WARN_CARRIER_SHARE, CRITICAL_CARRIER_SHARE))
                .title(count + " virtual-thread blocks while pinned (" + Units.human(Duration.ofNanos(totalNanos)) + "), most at "
                        + Frames.method(site))
                .detail("Virtual threads were pinned " + Units.percent(share) + " of the time of " + carriers + " carriers (warning at "
                        + Units.percent(WARN_CARRIER_SHARE) + ", critical at " + Units.percent(CRITICAL_CARRIER_SHARE) + "); " + count
                        + " pinned blocks of 20 ms or more, the longest " + Units.human(top.longest()) + " at " + site + ".")
                .evidence("pinnedMs", Duration.ofNanos(totalNanos).toMillis())
                .evidence("pinnedBlocks", count)
                .evidence("carrierShare", Units.round(share, 3))
                .evidence("carriers", carriers)
                .evidence("site", site)
                .evidence("longestMs", top.longest().toMillis())
                .evidence("thread", top.thread())
                .evidence("otherSites", window.threads().pinning().size() - 1)
                .stack(top.stack())
                .recommendation("At " + site + " the virtual thread blocks while it cannot unmount: replace synchronized around the"
                        + " blocking call with a ReentrantLock (JDK 21-23), move blocking work out of static initializers and native"
                        + " callbacks, or run this work on a platform thread pool.")
                .verify("jcmd " + window.pid() + " JFR.start duration=60s filename=pinned.jfr, then jfr print --events jdk.VirtualThreadPinned"
                        + " pinned.jfr (the pinned blocks with their stacks)")
                .build());
    }
}
