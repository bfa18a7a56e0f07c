package dev.quadrant.e2e.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An order service whose four request threads ask an inventory service for stock over kept-alive connections (with a
 * read timeout, as they should). The inventory service is overloaded and answers each query in 300-600 ms.
 */
public final class SlowInventoryServiceScenario {
    static void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = s.getOutputStream()) {
            for (String line; (line = in.readLine()) != null; ) {
                Scenario.sleep(300 + ThreadLocalRandom.current().nextInt(300));  // the overloaded database behind it
                out.write(("STOCK " + line.hashCode() % 100 + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException closed) {
            // client gone
        }
    }

    static int stock(BufferedReader in, PrintWriter out, String sku) throws IOException {
        out.println(sku);
        out.flush();
        String reply = in.readLine();
        return reply == null ? -1 : Integer.parseInt(reply.substring(6).trim());
    }

    public static void main(String[] args) throws IOException {
        ServerSocket inventory = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Scenario.daemon("inventory-service", () -> {
            while (true) {
                try {
                    Socket s = inventory.accept();
                    Scenario.daemon("inventory-conn", () -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            Scenario.daemon("order-handler-" + t, () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), inventory.getLocalPort())) {
                    s.setSoTimeout(5_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), false, StandardCharsets.US_ASCII);
                    for (int order = 0; Scenario.running(start); order++) stock(in, out, "sku-" + order);
                } catch (IOException e) {
                    System.out.println("inventory failed: " + e);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
