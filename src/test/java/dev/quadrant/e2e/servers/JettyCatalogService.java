package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A healthy product catalogue on Jetty 12 with its default QueuedThreadPool: ~40 quick requests/s. */
public final class JettyCatalogService {
    static final ConcurrentHashMap<String, Long> VIEWS = new ConcurrentHashMap<>();

    static final class ProductHandler extends Handler.Abstract {
        @Override public boolean handle(Request request, Response response, Callback callback) {
            Content.Sink.write(response, true, Catalog.product(Request.extractQueryParameters(request).getValue("id"), VIEWS), callback);
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
        server.setHandler(new ProductHandler());
        server.start();
        System.out.println("jetty on " + connector.getLocalPort());
        Clients.start("storefront", 2, "http://127.0.0.1:" + connector.getLocalPort() + "/product?id=%d", 40, 2000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(25)));
    }
}
