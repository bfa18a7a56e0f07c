package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** A healthy product catalogue on embedded Tomcat with its default connector (200 threads): ~40 quick requests/s. */
public final class TomcatCatalogService {
    static final ConcurrentHashMap<String, Long> VIEWS = new ConcurrentHashMap<>();

    static final class ProductServlet extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.getWriter().write(Catalog.product(req.getParameter("id"), VIEWS));
        }
    }

    public static void main(String[] args) throws IOException, LifecycleException {
        Workload.logAtInfo();
        long start = System.nanoTime();
        Tomcat tomcat = new Tomcat();
        Path base = Files.createTempDirectory("tomcat");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "product", new ProductServlet());
        context.addServletMappingDecoded("/product", "product");
        tomcat.start();
        int port = connector.getLocalPort();
        System.out.println("tomcat on " + port);
        Clients.start("storefront", 2, "http://127.0.0.1:" + port + "/product?id=%d", 40, 2000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(25)));
    }
}
