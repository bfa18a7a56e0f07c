package dev.quadrant.core.io;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.FileIo;
import dev.quadrant.core.evidence.Latencies;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * File reads, writes or fsyncs on one path are slow and threads wait on them. A large operation that moves data at
 * disk speed is not slow storage: below {@link #SLOW_THROUGHPUT} bytes per second it is.
 */
public final class SlowFileRule implements Rule {
    static final long MIN_OPERATIONS = 3;
    static final Duration WARN_MEAN = Duration.ofMillis(100);      // local storage answers in milliseconds
    static final Duration CRITICAL_MEAN = Duration.ofSeconds(1);
    static final double WARN_WAITING = 0.05;                        // threads waiting on the path, on average
    static final double CRITICAL_WAITING = 0.5;
    static final double SLOW_THROUGHPUT = 20.0 * 1024 * 1024;       // bytes/s; a disk that moves more is busy, not slow
    static final int LISTED = 5;
    static final int MIN_REPORTED_SCORE = 12;  // under half a warning there is nothing to tell

    static final RuleInfo INFO = new RuleInfo("Slow file I/O",
            "Reads, writes or fsyncs on one file take long and threads wait on them: a slow or saturated disk, a network file"
                    + " system, fsync on every write. Only operations over 20 ms are recorded.",
            "Mean of the recorded operations 100 ms warning, 1 s critical, threads waiting 0.05 on average warning, 0.5 critical;"
                    + " at least 3 slow operations; INFO when the data still moves faster than 20 MiB/s (big operations, not slow storage).",
            "Move the I/O off the request path (a queue and a writer thread), batch fsyncs, use local storage for hot files.",
            "iostat -x 1 5 (await, %util of the device); jcmd <pid> Thread.print (threads in FileInputStream/FileOutputStream)");

    @Override public String id() { return "io.slow-file"; }
    @Override public Dimension dimension() { return Dimension.IO; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        double seconds = window.seconds();
        Optional<Score.Scored<FileIo>> found = Score.best(window.io().files(), f -> score(f, seconds));
        if (found.isEmpty() || found.get().score() < MIN_REPORTED_SCORE) return Optional.empty();
        FileIo worst = found.get().item();
        int best = found.get().score();
        Duration mean = mean(worst);
        double waiting = worst.totalTime().toNanos() / (seconds * 1e9);
        double throughput = throughput(worst);
        String site = Frames.firstApplicationFrame(worst.slowestStack());
        return Optional.of(Finding.of(this, best)
                .title("File I/O on " + worst.path() + " takes " + Units.human(mean) + " on average (" + worst.operations() + " slow operations)")
                .detail(worst.reads() + " reads, " + worst.writes() + " writes and " + worst.forces() + " forces over 20 ms, mean " + Units.human(mean)
                        + " (warning at " + Units.human(WARN_MEAN) + "), longest " + Units.human(worst.longest()) + " (a " + worst.slowestOperation()
                        + "); " + Units.decimal(waiting) + " threads waiting on average (warning at " + WARN_WAITING + "); "
                        + Units.bytes(throughput) + "/s moved while waiting" + (throughput >= SLOW_THROUGHPUT ? " (fast enough: large operations, not slow storage)" : "") + ".")
                .evidence("path", worst.path())
                .evidence("reads", worst.reads())
                .evidence("writes", worst.writes())
                .evidence("forces", worst.forces())
                .evidence("meanMs", Units.round(mean.toNanos() / 1e6, 1))
                .evidence("threadsWaiting", Units.round(waiting, 2))
                .evidence("bytesPerSecondWhileWaiting", Math.round(throughput))
                .evidence("latencies", Latencies.labelled(worst.latencies()))
                .evidence("slowestThread", worst.slowestThread())
                .evidence("site", site)
                .evidence("paths", window.io().files().stream().limit(LISTED).map(f -> row(f, seconds)).toList())
                .stack(worst.slowestStack())
                .recommendation("At " + site + ": move the I/O on " + worst.path() + " off the request path (a queue and one writer thread),"
                        + " batch writes and fsyncs, or keep the file on faster local storage.")
                .verify("iostat -x 1 5 (await and %util of the device holding " + worst.path() + "); jcmd " + window.pid() + " Thread.print")
                .build());
    }

    static int score(FileIo f, double seconds) {
        if (f.operations() < MIN_OPERATIONS) return 0;
        double waiting = f.totalTime().toNanos() / (seconds * 1e9);
        int s = Score.both(Score.of(mean(f), WARN_MEAN, CRITICAL_MEAN), Score.of(waiting, WARN_WAITING, CRITICAL_WAITING));
        return throughput(f) >= SLOW_THROUGHPUT ? Math.min(s, Score.INFO_CAP) : s;
    }

    private static Duration mean(FileIo f) { return f.totalTime().dividedBy(Math.max(1, f.operations())); }

    private static double throughput(FileIo f) {
        return f.totalTime().isZero() ? 0 : f.bytes() / (f.totalTime().toNanos() / 1e9);
    }

    private static Map<String, Object> row(FileIo f, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("slowOperations", f.operations());
        m.put("meanMs", Units.round(mean(f).toNanos() / 1e6, 1));
        m.put("threadsWaiting", Units.round(f.totalTime().toNanos() / (seconds * 1e9), 2));
        return m;
    }
}
