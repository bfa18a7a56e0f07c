package dev.quadrant.core;

import static dev.quadrant.core.Dimension.CPU;
import static dev.quadrant.core.Dimension.IO;
import static dev.quadrant.core.Dimension.MEMORY;
import static dev.quadrant.core.Dimension.THREADS;
import static dev.quadrant.core.Unit.BYTES;
import static dev.quadrant.core.Unit.BYTES_PER_SECOND;
import static dev.quadrant.core.Unit.CORES;
import static dev.quadrant.core.Unit.COUNT;
import static dev.quadrant.core.Unit.MILLIS;
import static dev.quadrant.core.Unit.RATIO;

import dev.quadrant.core.evidence.FileIo;
import dev.quadrant.core.evidence.SocketEndpoint;
import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The window's key figures, the report's {@code metrics} part: each figure of {@link #TABLE} that is known, and a row
 * per pool ({@link #POOLS}).
 *
 * <p>{@link #TABLE} and {@link #POOLS} are public API: every reader of the key figures (the report's JSON and HTML,
 * exported meters, a baseline store) takes key, dimension, unit and label from them, so a figure is added in one line
 * and no reader guesses its unit from its key.
 */
public record Metrics(List<Figure> figures, List<Pool> pools) {

    /** The window's key figures, in the report's order; JSON keys as in the contract. */
    public static final List<Metric<Window>> TABLE = List.of(
            //           key                             dimension unit              label                         read (negative: unknown)
            new Metric<>("processCpuCores",              CPU,      CORES,            "Process CPU (cores)",        Window::processCores),
            new Metric<>("processCpuLoad",               CPU,      RATIO,            "Process CPU load",           w -> w.jvm().processCpuLoad()),
            new Metric<>("machineCpuLoad",               CPU,      RATIO,            "Machine CPU load",           w -> w.jvm().machineCpuLoad()),
            new Metric<>("availableProcessors",          CPU,      COUNT,            "Available processors",       w -> w.jvm().availableProcessors()),
            new Metric<>("jfrProfiledCpuMs",             CPU,      MILLIS,           "CPU profiled by JFR",        w -> w.cpu().jfr().cpuMillis()),
            new Metric<>("threadDumpProfiledCpuMs",      CPU,      MILLIS,           "CPU seen in thread dumps",   w -> w.cpu().threadDumps().cpuMillis()),
            new Metric<>("heapUsedBytes",                MEMORY,   BYTES,            "Heap used",                  w -> w.jvm().heapUsedBytes()),
            new Metric<>("heapCommittedBytes",           MEMORY,   BYTES,            "Heap committed",             w -> w.jvm().heapCommittedBytes()),
            new Metric<>("heapMaxBytes",                 MEMORY,   BYTES,            "Heap max",                   w -> w.jvm().heapMaxBytes()),
            new Metric<>("allocatedBytes",               MEMORY,   BYTES,            "Allocated",                  w -> w.jvm().allocatedBytes()),
            new Metric<>("allocationRateBytesPerSecond", MEMORY,   BYTES_PER_SECOND, "Allocation rate",            Metrics::allocationRate),
            new Metric<>("gcCount",                      MEMORY,   COUNT,            "GC count",                   w -> w.jvm().gcCount()),
            new Metric<>("gcTimeMs",                     MEMORY,   MILLIS,           "GC time",                    w -> w.jvm().gcTimeMillis()),
            new Metric<>("gcPauses",                     MEMORY,   COUNT,            "GC pauses",                  w -> w.memory().gc().collections()),
            new Metric<>("gcPauseTotalMs",               MEMORY,   MILLIS,           "GC pause total",             w -> millis(w.memory().gc().totalPause())),
            new Metric<>("gcPauseLongestMs",             MEMORY,   MILLIS,           "GC pause longest",           w -> millis(w.memory().gc().longestPause())),
            new Metric<>("directBufferBytes",            MEMORY,   BYTES,            "Direct buffer",              w -> w.jvm().directBufferBytes()),
            new Metric<>("mappedBufferBytes",            MEMORY,   BYTES,            "Mapped buffer",              w -> w.jvm().mappedBufferBytes()),
            new Metric<>("loadedClasses",                MEMORY,   COUNT,            "Loaded classes",             w -> w.jvm().loadedClasses()),
            new Metric<>("threadCount",                  THREADS,  COUNT,            "Thread count",               w -> w.jvm().threadCount()),
            new Metric<>("daemonThreadCount",            THREADS,  COUNT,            "Daemon thread count",        w -> w.jvm().daemonThreadCount()),
            new Metric<>("peakThreadCount",              THREADS,  COUNT,            "Peak thread count",          w -> w.jvm().peakThreadCount()),
            new Metric<>("threadsStarted",               THREADS,  COUNT,            "Threads started",            w -> w.jvm().threadsStarted()),
            new Metric<>("contendedMonitors",            THREADS,  COUNT,            "Contended monitors",         w -> w.threads().monitors().size()),
            new Metric<>("monitorBlockedMs",             THREADS,  MILLIS,           "Monitor blocked",            w -> sum(w.threads().monitors(), m -> m.totalBlocked().toMillis())),
            new Metric<>("deadlockedThreads",            THREADS,  COUNT,            "Deadlocked threads",         w -> w.threads().deadlocked().size()),
            new Metric<>("untimedWaits",                 THREADS,  COUNT,            "Untimed waits",              Metrics::untimedWaits),
            new Metric<>("virtualPinnedMs",              THREADS,  MILLIS,           "Virtual threads pinned",     w -> sum(w.threads().pinning(), p -> p.total().toMillis())),
            new Metric<>("openFileDescriptors",          IO,       COUNT,            "Open file descriptors",      w -> w.jvm().openFileDescriptors()),
            new Metric<>("maxFileDescriptors",           IO,       COUNT,            "Max file descriptors",       w -> w.jvm().maxFileDescriptors()),
            new Metric<>("slowSocketReads",              IO,       COUNT,            "Slow socket reads",          w -> sum(w.io().sockets(), SocketEndpoint::reads)),
            new Metric<>("slowSocketWrites",             IO,       COUNT,            "Slow socket writes",         w -> sum(w.io().sockets(), SocketEndpoint::writes)),
            new Metric<>("slowFileOperations",           IO,       COUNT,            "Slow file operations",       w -> sum(w.io().files(), FileIo::operations)),
            new Metric<>("socketPeers",                  IO,       COUNT,            "Socket peers",               w -> w.io().sockets().size()),
            new Metric<>("blockedCalls",                 IO,       COUNT,            "Blocked calls",              w -> w.threads().blockedCalls().size()));

    /** The pools for dashboards, a list beside the table: under THREADS {@code pools}, a row per pool (the first 32), its name and these columns. */
    public static final Rows POOLS = new Rows("pools", THREADS, "Pools", "name", "Pool", List.of(
            //           key                dimension unit    label (the heading)           read
            new Metric<>("active",          THREADS,  COUNT,  "Active",                     p -> p.sizes().active()),
            new Metric<>("maxSize",         THREADS,  COUNT,  "Max size",                   p -> p.sizes().max()),
            new Metric<>("queued",          THREADS,  COUNT,  "Queued",                     p -> p.queue().queued()),
            new Metric<>("completed",       THREADS,  COUNT,  "Completed",                  p -> p.throughput().completed()),
            new Metric<>("rejected",        THREADS,  COUNT,  "Rejected",                   p -> p.throughput().rejected()),
            new Metric<>("meanQueueWaitMs", THREADS,  MILLIS, "Mean queue wait",            p -> p.waits().mean().toMillis())));

    static final int MAX_POOLS = 32;

    /** A list of rows beside the table: under {@code dimension}, {@code key} holds one row per item, {@code nameKey} (headed {@code nameLabel}) then {@code columns}. */
    public record Rows(String key, Dimension dimension, String label, String nameKey, String nameLabel, List<Metric<ThreadPool>> columns) {}

    /** A figure's value in this window, as the report keeps it (rounded to its unit's decimals). */
    public record Figure(Metric<?> metric, double value) {
        /** The value for JSON: a whole number when its unit keeps no decimals. */
        public Number number() { return metric.unit().decimals() == 0 ? (Number) Math.round(value) : value; }
    }

    /** One pool's row: its name and a figure per column of {@link #POOLS}, every column written so rows keep their shape. */
    public record Pool(String name, List<Figure> figures) {}

    /** The window's known figures and its pools' rows. */
    public static Metrics of(Window w) {
        List<Figure> figures = new ArrayList<>(TABLE.size());
        for (Metric<Window> m : TABLE) {
            double v = m.read().applyAsDouble(w);
            if (v >= 0) figures.add(new Figure(m, m.unit().round(v)));
        }
        List<Pool> pools = w.threads().pools().stream().limit(MAX_POOLS).map(Metrics::pool).toList();
        return new Metrics(List.copyOf(figures), pools);
    }

    private static Pool pool(ThreadPool p) {
        return new Pool(p.name(), POOLS.columns().stream().map(c -> new Figure(c, c.unit().round(c.read().applyAsDouble(p)))).toList());
    }

    private static double allocationRate(Window w) {
        return w.jvm().allocatedBytes() < 0 ? -1 : w.jvm().allocatedBytes() / w.seconds();
    }

    private static double millis(Duration d) { return d.toNanos() / 1e6; }

    private static double untimedWaits(Window w) {
        return w.threads().blockedCalls().stream().filter(c -> c.kind().isWait()).count();
    }

    private static <T> double sum(List<T> items, ToLongFunction<T> figure) { return items.stream().mapToLong(figure).sum(); }
}
