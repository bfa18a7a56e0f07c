package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A multi-tenant service on virtual threads (JDK 21+) loads each tenant's settings class in its own class loader; the
 * class's static initializer fetches the settings from a config service (a blocking call, ~80 ms). A virtual thread
 * that blocks inside a class initializer stays pinned to its carrier, on every JDK.
 */
public final class TenantConfigPinningScenario {
    /** One tenant's settings; defined again for every tenant. */
    public static final class TenantSettings {
        public static final String REGION;
        static {
            try {
                Thread.sleep(80);  // the blocking fetch from the config service
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            REGION = "eu-west";
        }
    }

    static final class TenantLoader extends ClassLoader {
        TenantLoader() { super(TenantConfigPinningScenario.class.getClassLoader()); }
        Class<?> define(byte[] code) { return defineClass(TenantSettings.class.getName(), code, 0, code.length); }
    }

    static void handle(byte[] code) {
        try {
            new TenantLoader().define(code).getField("REGION").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // tenant unavailable
        }
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        byte[] code;
        try (InputStream in = TenantConfigPinningScenario.class.getResourceAsStream("TenantConfigPinningScenario$TenantSettings.class")) {
            code = in.readAllBytes();
        }
        ExecutorService requests = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        long start = System.nanoTime();
        Scenario.daemon("http-tenants", () -> {
            while (Scenario.running(start)) {
                requests.execute(() -> handle(code));
                Scenario.sleep(40);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
