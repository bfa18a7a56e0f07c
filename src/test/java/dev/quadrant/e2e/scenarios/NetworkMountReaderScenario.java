package dev.quadrant.e2e.scenarios;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A price importer reads its feed file line by line from storage that delivers each block slowly. The slow storage
 * is a named pipe in a temp folder fed by a writer that trickles a record every 300 ms: every read of the file blocks
 * for that long, as reads from a struggling network mount do.
 */
public final class NetworkMountReaderScenario {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("feeds");
        Path feed = dir.resolve("prices.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", feed.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) throw new IOException("mkfifo failed");
        feed.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        long start = System.nanoTime();
        Scenario.daemon("slow-storage", () -> {
            try (OutputStream out = new FileOutputStream(feed.toFile())) {
                for (int i = 0; Scenario.running(start); i++) {
                    out.write(("sku-" + i + "," + (100 + i % 50) + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Scenario.sleep(300);
                }
            } catch (IOException e) {
                System.out.println("storage: " + e);
            }
        });
        Scenario.daemon("price-importer", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(feed.toFile()), StandardCharsets.US_ASCII))) {
                long total = 0;
                for (String line; (line = in.readLine()) != null; ) total += Long.parseLong(line.substring(line.indexOf(',') + 1));
                System.out.println("imported " + total);
            } catch (IOException e) {
                System.out.println("import: " + e);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
