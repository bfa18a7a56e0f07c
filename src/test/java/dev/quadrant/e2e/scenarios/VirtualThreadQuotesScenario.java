package dev.quadrant.e2e.scenarios;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A quote service on a virtual thread per request (JDK 21+: the JDK's HTTP server with a virtual-thread executor). One
 * request in ten asks a pricing partner whose replies get lost, and waits for it with {@code get()} and no timeout; the
 * others answer at once. Three callers at ~20 requests/s, each with a 2 s read timeout.
 */
public final class VirtualThreadQuotesScenario {
    static final AtomicInteger REQUESTS = new AtomicInteger();

    static String partnerQuote() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();  // the partner's reply never arrives
        return reply.get();
    }

    static void quote(HttpExchange ex) throws IOException {
        String body;
        try {
            body = REQUESTS.incrementAndGet() % 10 == 0 ? partnerQuote() : "{\"price\": 42}";
        } catch (Exception e) {
            body = "{\"error\": \"" + e + "\"}";
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        // Executors.newVirtualThreadPerTaskExecutor() is JDK 21 API; the tests compile for 17
        server.setExecutor((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
        server.createContext("/quote", VirtualThreadQuotesScenario::quote);
        server.start();
        int port = server.getAddress().getPort();
        long start = System.nanoTime();
        for (int c = 0; c < 3; c++) {
            Scenario.daemon("storefront-" + c, () -> {
                while (Scenario.running(start)) {
                    try {
                        HttpURLConnection conn = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/quote").openConnection();
                        conn.setConnectTimeout(1000);
                        conn.setReadTimeout(2000);
                        conn.getInputStream().readAllBytes();
                    } catch (IOException timedOut) {
                        // the lost quotes: the caller gives up, the server's thread waits on
                    }
                    Scenario.sleep(150);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
