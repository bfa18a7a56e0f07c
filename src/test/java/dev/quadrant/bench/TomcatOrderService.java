package dev.quadrant.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The reference service's order endpoint on embedded Tomcat with its default connector and pool (200 threads): what
 * {@link TomcatAB} loads. Prints its port, then serves until killed or for the given seconds.
 */
public final class TomcatOrderService {
    static final ConcurrentHashMap<String, Long> ORDERS = new ConcurrentHashMap<>();

    static final class OrderServlet extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String sku = String.valueOf(req.getQueryString());
            long n = ORDERS.merge(sku, 1L, Long::sum);
            StringBuilder body = new StringBuilder(256).append("{\"sku\":\"").append(sku).append("\",\"orders\":").append(n).append(",\"lines\":[");
            for (int i = 0; i < 8; i++) body.append(i == 0 ? "" : ",").append("{\"line\":").append(i).append(",\"price\":").append((n * 31 + i) % 997).append('}');
            resp.setContentType("application/json");
            resp.getWriter().write(body.append("]}").toString());
        }
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.apache").setLevel(java.util.logging.Level.WARNING);
        Tomcat tomcat = new Tomcat();
        Path base = Files.createTempDirectory("tomcat-bench");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "order", new OrderServlet());
        context.addServletMappingDecoded("/order", "order");
        tomcat.start();
        System.out.println("port " + connector.getLocalPort());
        Thread.sleep(1000L * (args.length > 0 ? Long.parseLong(args[0]) : 120));
        System.exit(0);
    }
}
