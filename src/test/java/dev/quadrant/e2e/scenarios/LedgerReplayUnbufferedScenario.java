package dev.quadrant.e2e.scenarios;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A ledger service rebuilds balances by replaying its journal of (account, cents) records with a DataInputStream
 * straight on a FileInputStream: every readInt and readLong is four or eight one-byte read calls.
 */
public final class LedgerReplayUnbufferedScenario {
    static long replay(Path journal) throws IOException {
        long total = 0;
        try (DataInputStream in = new DataInputStream(new FileInputStream(journal.toFile()))) {  // missing: a BufferedInputStream
            while (true) {
                in.readInt();
                total += in.readLong();
            }
        } catch (EOFException end) {
            return total;
        }
    }

    public static void main(String[] args) throws IOException {
        Path journal = Files.createTempFile("journal", ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(journal.toFile())))) {
            for (int i = 0; i < 20_000; i++) {
                out.writeInt(i % 500);
                out.writeLong(i * 7L);
            }
        }
        long start = System.nanoTime();
        Scenario.daemon("replay", () -> {
            while (Scenario.running(start)) {
                try {
                    replay(journal);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Scenario.sleep(500);  // 240,000 one-byte reads per replay, two replays a second
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
