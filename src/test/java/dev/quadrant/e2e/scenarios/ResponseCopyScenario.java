package dev.quadrant.e2e.scenarios;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

/** A gateway that buffers every 256 KiB response in a growing ByteArrayOutputStream, then copies it twice more. */
public final class ResponseCopyScenario {
    static byte[] relay(byte[] upstream) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();  // starts at 32 bytes and doubles: many copies
        for (int off = 0; off < upstream.length; off += 1024) buffer.write(upstream, off, 1024);
        byte[] body = buffer.toByteArray();
        return Arrays.copyOf(body, body.length);
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        byte[] upstream = new byte[256 * 1024];
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("gateway-" + t, () -> {
                long total = 0;
                while (Scenario.running(start)) total += relay(upstream).length;
                if (total == 42) System.out.println(total);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
