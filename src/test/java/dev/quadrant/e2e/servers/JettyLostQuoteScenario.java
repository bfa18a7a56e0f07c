package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A quote service on Jetty 12 (its default QueuedThreadPool) asks a pricing engine for each quote and blocks on
 * CompletableFuture.get() with no timeout for the reply. The engine loses every 15th reply, four in all: those four
 * handlers wait forever while the rest of the service keeps answering.
 */
public final class JettyLostQuoteScenario {
    static final int LOST_REPLIES = 4;
    static final Map<Long, CompletableFuture<String>> PENDING = new ConcurrentHashMap<>();
    static final AtomicLong IDS = new AtomicLong();
    static final AtomicInteger LOST = new AtomicInteger();

    static String quote(String sku) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        PENDING.put(IDS.incrementAndGet(), reply);
        return reply.get();  // no timeout
    }

    static final class QuoteHandler extends Handler.Abstract {
        @Override public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String price = quote(Request.extractQueryParameters(request).getValue("sku"));
            Content.Sink.write(response, true, price, callback);
            return true;
        }
    }

    public static void main(String[] args) throws Exception {
        Workload.logAtInfo();
        long start = System.nanoTime();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new QuoteHandler());
        server.start();
        System.out.println("jetty on " + connector.getLocalPort());
        Scenario.daemon("pricing-replies", () -> {
            while (Scenario.running(start)) {
                for (Map.Entry<Long, CompletableFuture<String>> e : PENDING.entrySet()) {
                    if (PENDING.remove(e.getKey()) == null) continue;
                    if (e.getKey() % 15 == 0 && LOST.incrementAndGet() <= LOST_REPLIES) {
                        System.out.println("pricing engine lost the reply to quote " + e.getKey());
                    } else {
                        e.getValue().complete("{\"quote\":" + e.getKey() + ",\"price\":12.40}");
                    }
                }
                Scenario.sleep(5);
            }
        });
        // callers give up after 2 s; the handler threads behind the lost replies do not
        Clients.start("storefront", 3, "http://127.0.0.1:" + connector.getLocalPort() + "/quote?sku=%d", 50, 2000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(60)));
    }
}
