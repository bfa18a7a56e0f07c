package dev.quadrant.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The reference service the overhead benchmark loads: a small order API on the JDK's HttpServer with a thread
 * pool, per-request allocation, a shared lock, a buffered audit file and a call over a socket (with a timeout)
 * to a local pricing backend. Prints the epoch millisecond of main's first line, then its port. Ends after
 * the given seconds.
 */
public final class ReferenceService {
    static final int POOL_THREADS = 8;
    private static final Object STATS_LOCK = new Object();
    private static final Map<String, Long> ORDERS_BY_SKU = new HashMap<>();

    public static void main(String[] args) throws Exception {
        System.out.println("main " + System.currentTimeMillis());
        long lifetimeSeconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
        ServerSocket backend = startPricingBackend();
        BlockingQueue<Socket> connections = new ArrayBlockingQueue<>(POOL_THREADS);
        for (int i = 0; i < POOL_THREADS; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), backend.getLocalPort());
            s.setSoTimeout(2000);
            s.setTcpNoDelay(true);
            connections.add(s);
        }
        Path auditFile = Files.createTempFile("audit", ".log");
        auditFile.toFile().deleteOnExit();
        BufferedWriter audit = Files.newBufferedWriter(auditFile);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService pool = Executors.newFixedThreadPool(POOL_THREADS);
        server.setExecutor(pool);
        server.createContext("/order", exchange -> order(exchange, connections, audit));
        server.createContext("/stats", ReferenceService::stats);
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        Thread.sleep(TimeUnit.SECONDS.toMillis(lifetimeSeconds));
        server.stop(0);
        pool.shutdownNow();
        System.exit(0);
    }

    static void order(HttpExchange exchange, BlockingQueue<Socket> connections, BufferedWriter audit) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String sku = query == null ? "sku-0" : query;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) lines.add("{\"sku\":\"" + sku + "-" + i + "\",\"qty\":" + (i % 5 + 1) + "}");
        String price;
        Socket s = null;
        try {
            s = connections.take();
            PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII);
            out.println(sku);
            price = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            price = "0";
        } finally {
            if (s != null) connections.add(s);
        }
        long count;
        synchronized (STATS_LOCK) {
            count = ORDERS_BY_SKU.merge(sku, 1L, Long::sum);
            audit.write(sku + " " + price + " " + count + "\n");
        }
        byte[] body = ("{\"sku\":\"" + sku + "\",\"price\":" + price + ",\"lines\":[" + String.join(",", lines) + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    static void stats(HttpExchange exchange) throws IOException {
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        byte[] body = ("heapUsed " + heapUsed + "\n").getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    /** One reader thread per connection: answers each line with a price. */
    static ServerSocket startPricingBackend() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    s.setSoTimeout(1000);  // an idle connection wakes up every second rather than blocking forever
                    s.setTcpNoDelay(true);
                    Thread conn = new Thread(() -> {
                        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                             PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                            while (true) {
                                String line;
                                try {
                                    line = in.readLine();
                                } catch (java.net.SocketTimeoutException idle) {
                                    continue;
                                }
                                if (line == null) return;
                                out.println(Math.abs(line.hashCode() % 10_000) / 100.0);
                            }
                        } catch (IOException ignored) {
                            // the service closed the connection
                        }
                    }, "pricing-backend");
                    conn.setDaemon(true);
                    conn.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "pricing-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
