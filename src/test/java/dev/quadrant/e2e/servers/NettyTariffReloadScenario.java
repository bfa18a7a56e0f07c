package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A pricing service on Netty answers price look-ups on its event loops; every 4 s an operator's "reload tariffs" request
 * asks the tariff store and waits for it with Future.get() (~3 s) right in channelRead, on the event-loop thread, so
 * every price look-up on the same loop waits those 3 s too.
 */
public final class NettyTariffReloadScenario {
    static final ExecutorService TARIFF_STORE = Executors.newSingleThreadExecutor(r -> new Thread(r, "tariff-store"));

    static String reloadTariffs() {
        try {
            return CompletableFuture.supplyAsync(() -> { Scenario.sleep(3000); return "{\"tariffs\":412}"; }, TARIFF_STORE)
                    .get(10, TimeUnit.SECONDS);  // blocks the event loop
        } catch (Exception e) {
            return "{\"error\":\"" + e + "\"}";
        }
    }

    static String answer(String path, Map<String, List<String>> query) {
        if (path.equals("/tariffs/reload")) return reloadTariffs();
        return "{\"sku\":\"" + query.getOrDefault("sku", List.of("none")).get(0) + "\",\"price\":3.25}";
    }

    public static void main(String[] args) throws InterruptedException {
        Workload.logAtInfo();
        long start = System.nanoTime();
        int port = NettyHttp.start(NettyTariffReloadScenario::answer);
        System.out.println("netty on " + port);
        Clients.start("storefront", 4, "http://127.0.0.1:" + port + "/price?sku=%d", 40, 10_000, start);
        Clients.start("operator", 1, "http://127.0.0.1:" + port + "/tariffs/reload", 4000, 10_000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(60)));
    }
}
