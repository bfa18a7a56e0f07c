package dev.quadrant.e2e.servers;

import dev.quadrant.e2e.scenarios.Scenario;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A shipping-rates service on embedded Tomcat asks a carrier's API for every quote (~400 ms); its connector runs the
 * default internal executor with maxThreads 4, so it serves ~10 quotes/s. 20 callers keep asking: ~16 requests wait in
 * the executor's queue, about 1.6 s each, before a thread takes them (acceptCount and maxConnections are large enough
 * that nothing is refused).
 */
public final class TomcatShippingRatesScenario {
    static final class RatesServlet extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String quote = askCarrier(req.getParameter("parcel"));
            resp.setContentType("application/json");
            resp.getWriter().write(quote);
        }
    }

    static String askCarrier(String parcel) {
        Scenario.sleep(400);  // the carrier's API
        return "{\"parcel\":\"" + parcel + "\",\"rate\":7.90}";
    }

    public static void main(String[] args) throws IOException, LifecycleException {
        Workload.logAtInfo();
        long start = System.nanoTime();
        Tomcat tomcat = new Tomcat();
        Path base = Files.createTempDirectory("tomcat");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("maxThreads", "4");
        connector.setProperty("minSpareThreads", "4");
        connector.setProperty("acceptCount", "200");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "rates", new RatesServlet());
        context.addServletMappingDecoded("/rates", "rates");
        tomcat.start();
        int port = connector.getLocalPort();
        System.out.println("tomcat on " + port);
        Clients.start("checkout-caller", 20, "http://127.0.0.1:" + port + "/rates?parcel=%d", 0, 15_000, start);
        Scenario.runFor(Workload.lifetime(args, Duration.ofSeconds(60)));
    }
}
