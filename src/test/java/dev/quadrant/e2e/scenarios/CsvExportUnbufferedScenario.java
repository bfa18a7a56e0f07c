package dev.quadrant.e2e.scenarios;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An export job writes CSV files of 5,000 orders each through a hand-written writer that takes an OutputStream, and
 * is given a raw FileOutputStream: every character is its own write system call.
 */
public final class CsvExportUnbufferedScenario {
    static void writeRow(OutputStream out, long id) throws IOException {
        String row = id + ",customer-" + id + ",2026-11-28T08:00:00Z,EUR," + (id % 997) + ".00,shipped\n";
        for (byte b : row.getBytes(StandardCharsets.US_ASCII)) out.write(b);  // the writer's one-byte loop
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("exports");
        long start = System.nanoTime();
        Scenario.daemon("export-job", () -> {
            for (int batch = 0; Scenario.running(start); batch++) {
                try (OutputStream out = new FileOutputStream(dir.resolve("orders-" + batch + ".csv").toFile())) {  // missing: a BufferedOutputStream
                    for (long id = batch * 5_000L; id < (batch + 1) * 5_000L && Scenario.running(start); id++) {
                        writeRow(out, id);
                        if (id % 100 == 99) Scenario.sleep(20);  // ~5,000 rows/s: ~300,000 writes/s
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
