package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A backup job uploads 4 MiB snapshots to an object store that takes data in slowly (a throttled link): every write
 * blocks with the send buffer full, waiting for the peer to drain it.
 */
public final class SlowObjectStoreUploadScenario {
    static void drainSlowly(Socket s) {
        byte[] chunk = new byte[16 * 1024];
        try (s; InputStream in = s.getInputStream()) {
            while (in.read(chunk) >= 0) Scenario.sleep(20);  // ~800 KiB/s
        } catch (IOException closed) {
            // uploader gone
        }
    }

    static void upload(OutputStream out, byte[] snapshot) throws IOException {
        for (int off = 0; off < snapshot.length; off += 256 * 1024) out.write(snapshot, off, 256 * 1024);
        out.flush();
    }

    public static void main(String[] args) throws IOException {
        ServerSocket store = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario.daemon("object-store", () -> {
            while (true) {
                try {
                    Socket s = store.accept();
                    s.setReceiveBufferSize(64 * 1024);
                    Scenario.daemon("object-store-conn", () -> drainSlowly(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("backup-uploader-" + t, () -> {
                byte[] snapshot = new byte[4 * 1024 * 1024];
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), store.getLocalPort())) {
                    s.setSendBufferSize(64 * 1024);
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    while (Scenario.running(start)) upload(out, snapshot);
                } catch (IOException e) {
                    System.out.println("upload failed: " + e);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
