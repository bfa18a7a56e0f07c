package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail service scans each attachment for a signature and returns early on a match, forgetting to close the
 * stream: every matching request leaks a file descriptor (the streams stay reachable from a per-message audit list).
 */
public final class AttachmentScannerFdLeakScenario {
    static final List<InputStream> SCANNED = new ArrayList<>();

    static boolean looksExecutable(Path attachment) throws IOException {
        InputStream in = Files.newInputStream(attachment);
        SCANNED.add(in);  // kept for the audit trail, so not even a GC closes it
        int b0 = in.read(), b1 = in.read();
        if (b0 == 'M' && b1 == 'Z') return true;  // the bug: returns without closing
        in.close();
        return false;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("attachments");
        Path exe = Files.write(dir.resolve("invoice.exe"), new byte[] {'M', 'Z', 0, 0});
        Path pdf = Files.write(dir.resolve("invoice.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        exe.toFile().deleteOnExit();
        pdf.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        long start = System.nanoTime();
        Scenario.daemon("mail-scanner", () -> {
            int flagged = 0;
            for (int i = 0; Scenario.running(start); i++) {
                try {
                    if (looksExecutable(i % 2 == 0 ? exe : pdf)) flagged++;
                } catch (IOException e) {
                    System.out.println("scan failed: " + e);
                    Scenario.sleep(1000);
                }
                Scenario.sleep(5);  // ~100 attachments/s, half of them leak
            }
            System.out.println("flagged " + flagged);
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
