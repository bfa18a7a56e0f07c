package dev.quadrant.e2e.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Healthy: an application server starting up. It loads a few thousand plugin classes (each plugin in its own class
 * loader), fills its caches to their working size, then serves light traffic: classes and heap grow, then hold.
 */
public final class PluginWarmupService {
    public static final class Plugin {
        public int handle(int x) { return x * 3 + 1; }
    }

    static final class PluginLoader extends ClassLoader {
        PluginLoader() { super(PluginWarmupService.class.getClassLoader()); }
        Class<?> define(byte[] code) { return defineClass(Plugin.class.getName(), code, 0, code.length); }
    }

    static final List<Class<?>> PLUGINS = new ArrayList<>();
    static final Map<Integer, byte[]> CACHE = new HashMap<>();

    public static void main(String[] args) throws IOException {
        byte[] code;
        try (InputStream in = PluginWarmupService.class.getResourceAsStream("PluginWarmupService$Plugin.class")) {
            code = in.readAllBytes();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 3000; i++) {
            PLUGINS.add(new PluginLoader().define(code));
            if (i % 300 == 0) Scenario.sleep(300);  // start-up takes a few seconds
        }
        for (int i = 0; i < 3000; i++) {
            CACHE.put(i, new byte[16 * 1024]);
            if (i % 300 == 0) Scenario.sleep(200);
        }
        Scenario.daemon("light-traffic", () -> {
            long acc = 0;
            while (Scenario.running(start)) {
                for (int i = 0; i < 1000; i++) acc += CACHE.get(i % 3000).length + i;
                Scenario.sleep(20);
            }
            if (acc == 42) System.out.println(acc + " " + PLUGINS.size());
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
