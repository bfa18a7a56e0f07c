package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook sender opens a connection per event and closes it only on success; events the receiver rejects leave
 * their connection open (kept in a retry list that is never drained): one descriptor per rejected event.
 */
public final class ConnectionLeakScenario {
    static final List<Socket> RETRY_LATER = new ArrayList<>();

    static void send(int port, int event) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(2_000);
        OutputStream out = s.getOutputStream();
        out.write(("event " + event + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int status = s.getInputStream().read();
        if (status == '2') s.close();
        else RETRY_LATER.add(s);  // the bug: never closed, never retried
    }

    public static void main(String[] args) throws IOException {
        ServerSocket receiver = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Scenario.daemon("webhook-receiver", () -> {
            for (int n = 0; ; n++) {
                try {
                    Socket s = receiver.accept();
                    InputStream in = s.getInputStream();
                    while (in.read() != '\n') { /* the event line */ }
                    s.getOutputStream().write(n % 3 == 0 ? '5' : '2');
                    s.close();
                } catch (IOException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        Scenario.daemon("webhook-sender", () -> {
            for (int i = 0; Scenario.running(start); i++) {
                try {
                    send(receiver.getLocalPort(), i);
                } catch (IOException e) {
                    System.out.println("send failed: " + e);
                    Scenario.sleep(1000);
                }
                Scenario.sleep(5);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
