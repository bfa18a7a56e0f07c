package dev.quadrant.core.io;

import dev.quadrant.core.Dimension;
import dev.quadrant.core.Finding;
import dev.quadrant.core.Frames;
import dev.quadrant.core.Rule;
import dev.quadrant.core.RuleInfo;
import dev.quadrant.core.Score;
import dev.quadrant.core.Units;
import dev.quadrant.core.Window;
import dev.quadrant.core.evidence.TinyIo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Many tiny read or write calls on file streams: each one is a system call (about a microsecond and a context switch)
 * for a few bytes, where a buffer would make one call per 8 KiB. Judged by the rate of calls of at most 128 bytes.
 */
public final class UnbufferedFileRule implements Rule {
    static final double MIN_CALLS_PER_SECOND = 2_000;
    static final double WARN_CALLS_PER_SECOND = 20_000;    // ~2% of a core in system calls alone
    static final double CRITICAL_CALLS_PER_SECOND = 200_000; // a fifth of a core or more, and the disk queue full of tiny writes
    static final int LISTED = 5;

    static final RuleInfo INFO = new RuleInfo("Unbuffered file I/O",
            "The application reads or writes files a few bytes per call (FileOutputStream.write(int), FileInputStream.read()"
                    + " without a buffer, a flush per record): every call is a system call, so the same data costs hundreds of times"
                    + " more CPU and I/O operations than through a buffer.",
            "Calls of at most 128 bytes on FileInputStream and FileOutputStream: 20,000/s warning, 200,000/s"
                    + " critical (reported from 2,000/s); sites from a sample of one call in 1,024.",
            "Wrap the stream in a BufferedOutputStream / BufferedInputStream (or use Files.newBufferedWriter / newBufferedReader)"
                    + " and flush once per batch, not per record.",
            "strace -f -c -e trace=read,write -p <pid> (millions of calls, few bytes each)");

    @Override public String id() { return "io.unbuffered-file"; }
    @Override public Dimension dimension() { return Dimension.IO; }
    @Override public boolean quietWhileStartingUp() { return true; }
    @Override public RuleInfo info() { return INFO; }

    @Override public Optional<Finding> evaluate(Window window) {
        TinyIo io = window.io().tinyIo();
        double rate = io.calls() / window.seconds();
        if (rate < MIN_CALLS_PER_SECOND) return Optional.empty();
        TinyIo.Site top = io.sites().isEmpty() ? null : io.sites().get(0);
        double meanBytes = io.calls() == 0 ? 0 : (double) io.bytes() / io.calls();
        String where = top == null ? "" : " at " + Frames.method(top.site()) + " on " + top.path();
        String what = io.writes() >= io.reads() ? "writes" : "reads";
        return Optional.of(Finding.of(this, Score.of(rate, WARN_CALLS_PER_SECOND, CRITICAL_CALLS_PER_SECOND))
                .title(Units.decimal(rate / 1000) + " k tiny file " + what + "/s of " + Units.decimal(meanBytes) + " bytes on average" + where)
                .detail(io.calls() + " file calls of at most 128 bytes in the window (" + io.reads() + " reads, " + io.writes() + " writes), "
                        + Math.round(rate) + "/s (warning at " + Math.round(WARN_CALLS_PER_SECOND) + "/s, critical at "
                        + Math.round(CRITICAL_CALLS_PER_SECOND) + "/s), " + Units.decimal(meanBytes) + " bytes per call: each one a system call.")
                .evidence("callsPerSecond", Math.round(rate))
                .evidence("reads", io.reads())
                .evidence("writes", io.writes())
                .evidence("meanBytes", Units.round(meanBytes, 1))
                .evidence("site", top == null ? null : top.site())
                .evidence("path", top == null ? null : top.path())
                .evidence("sites", io.sites().stream().limit(LISTED).map(UnbufferedFileRule::row).toList())
                .stack(top == null ? List.of() : top.stack())
                .recommendation((top == null ? "Find the stream that is read or written a few bytes at a time" : "At " + top.site() + ", "
                        + (top.operation().equals("write") ? "wrap the FileOutputStream in a BufferedOutputStream (or use Files.newBufferedWriter)"
                        : "wrap the FileInputStream in a BufferedInputStream (or use Files.newBufferedReader)") + " for " + top.path())
                        + "; flush once per batch rather than per record. The same bytes then take one system call per 8 KiB.")
                .verify("strace -f -c -e trace=read,write -p " + window.pid() + " for 10 s (call counts in the hundreds of thousands,"
                        + " bytes per call in single digits)")
                .build());
    }

    private static Map<String, Object> row(TinyIo.Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", s.site());
        m.put("path", s.path());
        m.put("operation", s.operation());
        m.put("estimatedCalls", s.calls());
        m.put("meanBytes", Units.round(s.meanBytes(), 1));
        return m;
    }
}
