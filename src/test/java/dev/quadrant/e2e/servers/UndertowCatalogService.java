package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/** A healthy product catalogue on Undertow, blocking handlers on its default XNIO worker pool: ~40 quick requests/s. */
public final class UndertowCatalogService {
    static final ConcurrentHashMap<String, Long> VIEWS = new ConcurrentHashMap<>();

    static void product(HttpServerExchange exchange) {
        Deque<String> id = exchange.getQueryParameters().get("id");
        exchange.getResponseSender().send(Catalog.product(id == null ? null : id.getFirst(), VIEWS));
    }

    public static void main(String[] args) {
        Workload.logAtInfo();
        long start = System.nanoTime();
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new BlockingHandler(UndertowCatalogService::product)).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("undertow on " + port);
        Clients.start("storefront", 2, "http://127.0.0.1:" + port + "/product?id=%d", 40, 2000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(25)));
    }
}
