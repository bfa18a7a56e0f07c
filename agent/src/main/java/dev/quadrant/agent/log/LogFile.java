package dev.quadrant.agent.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Where the agent's log lines go: {@code quadrant.log} in the report folder, never the application's logging.
 * Lines logged before the folder is known wait in a small buffer. The file is capped and rolled once.
 */
public final class LogFile {
    static final long MAX_BYTES = 8L * 1024 * 1024;  // then quadrant.log becomes quadrant.log.1: 16 MiB at most
    static final int MAX_EARLY_LINES = 200;
    private static final ArrayDeque<String> EARLY = new ArrayDeque<>();
    private static Path file;
    private static OutputStream out;
    private static long written;

    private LogFile() {}

    public static synchronized void open(Path dir) {
        close();
        file = dir.resolve("quadrant.log");
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written = Files.size(file);
        } catch (IOException e) {
            out = null;  // logging is a convenience: the agent runs on without it
        }
        while (!EARLY.isEmpty()) write(EARLY.poll());
    }

    public static synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing left to do with a log that cannot be closed
        }
        out = null;
    }

    static synchronized void log(String level, String logger, String message, Throwable t) {
        StringBuilder line = new StringBuilder(128).append(Instant.now()).append(' ').append(level).append(' ')
                .append(Thread.currentThread().getName()).append(' ').append(logger).append(": ").append(message).append('\n');
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        if (file == null) {
            if (EARLY.size() >= MAX_EARLY_LINES) EARLY.poll();
            EARLY.add(line.toString());
        } else {
            write(line.toString());
        }
    }

    private static void write(String line) {
        if (out == null) return;
        try {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (written + bytes.length > MAX_BYTES) roll();
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException e) {
            close();  // a full disk: stop logging rather than fail again on every line
        }
    }

    private static void roll() throws IOException {
        out.close();
        Files.move(file, file.resolveSibling("quadrant.log.1"), StandardCopyOption.REPLACE_EXISTING);
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = 0;
    }
}
