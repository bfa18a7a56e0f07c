package dev.quadrant.e2e.scenarios;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A healthy, lightly loaded HTTP service: a small pool, modest allocation per request, a short synchronized
 * section, a buffered access log, and a client with connect and read timeouts at ~20 requests/s.
 */
public final class HealthyService {
    private static final ConcurrentHashMap<String, Long> VIEWS = new ConcurrentHashMap<>();
    private static final AtomicLong SERVED = new AtomicLong();
    private static final Object STATS_LOCK = new Object();
    private static long slowest;

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Path log = Files.createTempFile("access", ".log");
        BufferedWriter access = Files.newBufferedWriter(log);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/product", exchange -> {
            long t0 = System.nanoTime();
            String id = exchange.getRequestURI().getQuery();
            VIEWS.merge(id, 1L, Long::sum);
            StringBuilder body = new StringBuilder("{\"id\":\"").append(id).append("\",\"related\":[");
            for (int i = 0; i < 20; i++) body.append('"').append(id).append('-').append(i).append("\",");
            byte[] bytes = body.append("\"end\"]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            synchronized (STATS_LOCK) {
                slowest = Math.max(slowest, System.nanoTime() - t0);
                access.write(id + " 200 " + bytes.length + "\n");
            }
            SERVED.incrementAndGet();
        });
        server.start();
        int port = server.getAddress().getPort();
        Scenario.daemon("client", () -> {
            int i = 0;
            while (Scenario.running(start)) {
                try {
                    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/product?p" + (i++ % 200)).openConnection();
                    c.setConnectTimeout(2000);
                    c.setReadTimeout(2000);
                    try (InputStream in = c.getInputStream()) {
                        in.readAllBytes();
                    }
                } catch (IOException e) {
                    System.out.println("request failed: " + e);
                }
                Scenario.sleep(50);
            }
        });
        Scenario.runFor(Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60));
    }
}
