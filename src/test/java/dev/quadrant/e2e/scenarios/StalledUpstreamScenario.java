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
 * A checkout service calling a stock service over a line protocol. The stock service answers the first calls,
 * then stops answering (a stalled upstream). The client never set a read timeout, so its thread hangs.
 */
public final class StalledUpstreamScenario {
    static final int ANSWERED = 5;

    public static void main(String[] args) throws IOException {
        ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> held = new ArrayList<>();
        Scenario.daemon("stock-service", () -> {
            int calls = 0;
            while (true) {
                try {
                    Socket s = upstream.accept();
                    if (calls++ < ANSWERED) {
                        s.getInputStream().read();
                        s.getOutputStream().write("OK 12\n".getBytes(StandardCharsets.US_ASCII));
                        s.close();
                    } else {
                        held.add(s);  // reads nothing, answers nothing
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        Scenario.daemon("checkout-worker", () -> {
            for (int order = 0; order < 1000; order++) {
                try {
                    System.out.println("order " + order + " stock " + stockLevel(upstream.getLocalPort(), "sku-" + order));
                } catch (IOException e) {
                    System.out.println("order " + order + " failed: " + e);
                }
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }

    /** The bug: no setSoTimeout, so read() waits as long as the peer likes. */
    static String stockLevel(int port, String sku) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("STOCK " + sku + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\n'; ) line.append((char) c);
            return line.toString();
        }
    }
}
