package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Deque;

/**
 * An invoice service on Undertow renders each invoice as a PDF through a template service (~300 ms), in a blocking
 * handler dispatched to the XNIO worker pool of 4 threads: it serves ~13 invoices/s. 20 callers keep asking, so ~16
 * requests wait in the worker pool's queue, about 1.2 s each.
 */
public final class UndertowInvoicePdfScenario {
    static String renderPdf(String invoice) {
        Scenario.sleep(300);  // the template service
        return "%PDF-1.7 invoice " + invoice;
    }

    static void invoice(HttpServerExchange exchange) {
        Deque<String> id = exchange.getQueryParameters().get("id");
        exchange.getResponseSender().send(renderPdf(id == null ? "none" : id.getFirst()));
    }

    public static void main(String[] args) {
        Workload.logAtInfo();
        long start = System.nanoTime();
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(4)
                .setHandler(new BlockingHandler(UndertowInvoicePdfScenario::invoice)).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("undertow on " + port);
        Clients.start("billing-caller", 20, "http://127.0.0.1:" + port + "/invoice?id=%d", 0, 15_000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(60)));
    }
}
