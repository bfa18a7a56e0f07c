package dev.quadrant.bench;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordingStream;

/**
 * What JFR's file events cost a storm of tiny unbuffered writes: 1-byte writes for 5 s with {@code jdk.FileWrite}
 * off, at the 20 ms threshold, or at 0 with stack traces, streamed in-process as the agent would.
 * {@code java ... dev.quadrant.bench.TinyWrites off|t20|zero [settle seconds]}: with an agent on the command line, settle
 * for a few seconds first, so that its weaving is done before the measurement starts.
 */
public final class TinyWrites {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "off";
        if (args.length > 1) Thread.sleep(Long.parseLong(args[1]) * 1000);
        AtomicLong events = new AtomicLong();
        RecordingStream rs = null;
        if (!mode.equals("off")) {
            rs = new RecordingStream();
            EventSettings s = rs.enable("jdk.FileWrite").withStackTrace();
            s.withThreshold(mode.equals("zero") ? Duration.ZERO : Duration.ofMillis(20));
            rs.onEvent("jdk.FileWrite", e -> events.incrementAndGet());
            rs.startAsync();
            Thread.sleep(1000);
        }
        Path file = Files.createTempFile("tiny", ".log");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            long warm = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warm) out.write('x');
            long n = 0, end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) { out.write('x'); n++; }
            System.out.printf(Locale.ROOT, "%s: %.0f writes/s, %.0f ns per write, %d events%n", mode, n / 5.0, 5e9 / n, events.get());
        } finally {
            if (rs != null) rs.close();
            Files.delete(file);
        }
    }
}
