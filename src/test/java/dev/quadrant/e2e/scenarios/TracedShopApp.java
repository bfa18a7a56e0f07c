package dev.quadrant.e2e.scenarios;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A shop service that a tracing agent would instrument: an HTTP server on a thread pool, HTTP clients calling it,
 * and one stock lock every request holds for a few milliseconds (the contention Quadrant must still find beside
 * another agent). Serves a fixed number of requests, then prints what the clients received, and exits.
 */
public final class TracedShopApp {
    static final Object STOCK = new Object();
    static long stock = 1_000_000;

    public static void main(String[] args) throws Exception {
        int perClient = Integer.parseInt(args[0]);
        long holdMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;  // before serving: time for a late attach
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService workers = Executors.newFixedThreadPool(6);
        server.setExecutor(workers);
        server.createContext("/buy", exchange -> {
            String item = exchange.getRequestURI().getQuery();
            long left;
            synchronized (STOCK) {
                left = --stock;
                Scenario.sleep(4);  // the stock system is written under the lock
            }
            byte[] body = ("bought " + item + " " + (item.hashCode() & 0xffff)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            if (left < 0) System.out.println("out of stock");
        });
        server.start();
        Scenario.sleep(holdMillis);
        int port = server.getAddress().getPort();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<Long>> sums = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int client = c;
            sums.add(clients.submit(() -> {
                long sum = 0;
                for (int i = 0; i < perClient; i++) {
                    HttpURLConnection conn = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/buy?item-" + client + "-" + i).openConnection();
                    conn.setConnectTimeout(5_000);
                    conn.setReadTimeout(10_000);
                    try (InputStream in = conn.getInputStream()) {
                        sum += new String(in.readAllBytes(), StandardCharsets.UTF_8).hashCode();
                    }
                }
                return sum;
            }));
        }
        long total = 0;
        for (Future<Long> f : sums) total += f.get();
        clients.shutdown();
        server.stop(0);
        workers.shutdown();
        System.out.println("served " + 6 * perClient + " requests, checksum " + total + ", stock " + stock);
    }
}
