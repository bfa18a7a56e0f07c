package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Healthy: a client that sets read timeouts, calling a peer that answers in 2-40 ms and stalls on one call in 50
 * (then the 500 ms timeout fires and the client retries). A peer that averaged most of a second per call would be a
 * slow peer however well the client guards itself, which io.slow-socket rightly reports.
 */
public final class TimeoutClientService {
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario.daemon("peer", () -> {
            while (true) {
                try {
                    Socket s = peer.accept();
                    Scenario.daemon("peer-conn", () -> {
                        try (s) {
                            s.getInputStream().read();
                            int delay = ThreadLocalRandom.current().nextInt(50) == 0 ? 5000 : ThreadLocalRandom.current().nextInt(2, 40);
                            Scenario.sleep(delay);
                            s.getOutputStream().write("OK\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException ignored) {
                            // client gave up
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        for (int c = 0; c < 2; c++) {
            Scenario.daemon("api-client-" + c, () -> {
                while (Scenario.running(start)) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort())) {
                        s.setSoTimeout(500);
                        s.getOutputStream().write("PING\n".getBytes(StandardCharsets.US_ASCII));
                        InputStream in = s.getInputStream();
                        while (in.read() > 0 && in.available() > 0) { /* drain */ }
                    } catch (SocketTimeoutException e) {
                        System.out.println("timed out, retrying");
                    } catch (IOException e) {
                        System.out.println("failed: " + e);
                    }
                    Scenario.sleep(50);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
