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
 * Healthy: a client that sets read timeouts, calling a peer that is sometimes slow (up to 1.5 s) and
 * sometimes stalls (then the timeout fires and the client retries).
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
                            int delay = ThreadLocalRandom.current().nextInt(10) == 0 ? 5000 : ThreadLocalRandom.current().nextInt(50, 1500);
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
                        s.setSoTimeout(2000);
                        s.getOutputStream().write("PING\n".getBytes(StandardCharsets.US_ASCII));
                        InputStream in = s.getInputStream();
                        while (in.read() > 0 && in.available() > 0) { /* drain */ }
                    } catch (SocketTimeoutException e) {
                        System.out.println("timed out, retrying");
                    } catch (IOException e) {
                        System.out.println("failed: " + e);
                    }
                    Scenario.sleep(100);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
