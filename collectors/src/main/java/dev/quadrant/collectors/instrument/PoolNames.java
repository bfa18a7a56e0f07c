package dev.quadrant.collectors.instrument;

import dev.quadrant.core.Frames;
import dev.quadrant.core.Names;
import dev.quadrant.core.evidence.ThreadPool;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/** How a pool is named in a report: after its workers' name pattern, else its class and identity. */
final class PoolNames {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PoolNames() {}

    /** "pool-3-thread-12" reads as "pool-N-thread-N": the threads of one factory share it. */
    static String namePattern(String threadName) { return DIGITS.matcher(Names.cap(threadName)).replaceAll("N"); }

    /** Where a pool was created: the first application frame and the stack; null and empty when created before the weaving. */
    static ThreadPool.Origin origin(List<String> created) {
        return created == null ? new ThreadPool.Origin(null, List.of()) : new ThreadPool.Origin(Frames.firstApplicationFrame(created), created);
    }

    static String name(PoolState p, Object pool) {
        return pool == ForkJoinPool.commonPool() ? "ForkJoinPool.commonPool" : name(p);
    }

    static String name(PoolState p) {
        String worker = p.threadName;
        if (worker != null) return namePattern(worker);
        String simple = p.kind.substring(p.kind.lastIndexOf('.') + 1);
        return simple + "@" + Integer.toHexString(p.identity);
    }
}
