package demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small shop back end with four classic faults, for the demo: a pricing loop that burns a core, an
 * inventory lock held across slow work, a report export that churns garbage, and a payment call with no
 * read timeout to a gateway that stopped answering. Ends by itself after the given seconds.
 */
public final class ShopService {
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (ServerSocket gateway = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Thread> threads = new ArrayList<>();
            threads.add(start("pricing", ShopService::repriceCatalogue));
            Inventory inventory = new Inventory();
            for (int i = 1; i <= 4; i++) threads.add(start("order-" + i, () -> placeOrders(inventory)));
            threads.add(start("export", ShopService::exportReports));
            threads.add(start("gateway", () -> acceptAndStall(gateway)));
            threads.add(start("checkout-1", () -> charge(gateway.getLocalPort())));
            System.out.println("shop: running for " + seconds + " s");
            Thread.sleep(seconds * 1000L);
            running = false;
        }
        System.out.println("shop: closing");
        System.exit(0);
    }

    private static Thread start(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Recomputes every price against every other: quadratic, and on a loop. */
    static void repriceCatalogue() {
        double[] prices = new double[3000];
        for (int i = 0; i < prices.length; i++) prices[i] = 10 + i % 90;
        while (running) {
            for (int i = 0; i < prices.length; i++) prices[i] = PriceEngine.competitivePrice(prices, i);
        }
    }

    static final class PriceEngine {
        static double competitivePrice(double[] prices, int item) {
            double sum = 0;
            for (int j = 0; j < prices.length; j++) sum += Math.sqrt(Math.abs(prices[j] - prices[item]) + 1);
            return prices[item] * 0.99 + sum / prices.length * 0.01;
        }
    }

    static final class Inventory {
        private final Map<String, Integer> stock = new HashMap<>();

        /** Holds the inventory lock while it writes the audit record: every order waits for every other. */
        synchronized void reserve(String sku) {
            stock.merge(sku, -1, Integer::sum);
            sleep(25);
        }
    }

    static void placeOrders(Inventory inventory) {
        while (running) {
            inventory.reserve("sku-" + ThreadLocalRandom.current().nextInt(100));
            sleep(5);
        }
    }

    /** Builds each CSV row as a fresh String, then copies the whole export again into bytes. */
    static void exportReports() {
        long checksum = 0;
        while (running) {
            StringBuilder csv = new StringBuilder();
            for (int row = 0; row < 2000; row++) {
                String line = "order-" + row + "," + (row * 31 % 977) + "," + Double.toString(row * 1.07) + "\n";
                csv.append(line);
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            checksum += bytes.length;
        }
        if (checksum == 42) System.out.println(checksum);
    }

    static void acceptAndStall(ServerSocket gateway) {
        List<Socket> held = new ArrayList<>();
        while (running) {
            try {
                held.add(gateway.accept());  // accepts, then never answers
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Calls the payment gateway with no read timeout: when it stalls, so does checkout. */
    static void charge(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("CHARGE order-1 19.99\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.read();
        } catch (IOException e) {
            // the demo ends by closing the gateway
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
