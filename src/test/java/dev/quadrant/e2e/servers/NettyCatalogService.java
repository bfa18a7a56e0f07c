package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** A healthy product catalogue on Netty (NIO, two event loops), answering on the loop: ~40 quick requests/s. */
public final class NettyCatalogService {
    static final ConcurrentHashMap<String, Long> VIEWS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws InterruptedException {
        Workload.logAtInfo();
        long start = System.nanoTime();
        int port = NettyHttp.start((path, query) -> Catalog.product(query.getOrDefault("id", List.of("none")).get(0), VIEWS));
        System.out.println("netty on " + port);
        Clients.start("storefront", 2, "http://127.0.0.1:" + port + "/product?id=%d", 40, 2000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(25)));
    }
}
