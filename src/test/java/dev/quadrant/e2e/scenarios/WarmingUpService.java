package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Healthy: a service warming up. It loads and links classes, fills its caches to a steady size (heap grows,
 * then holds), JIT-compiles its hot code, then serves light traffic.
 */
public final class WarmingUpService {
    static final Map<Integer, byte[]> CACHE = new HashMap<>();

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        // Class loading and linking, as a framework does at start-up.
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : new String[] {"java.util.concurrent.ConcurrentSkipListMap", "java.util.zip.Deflater", "java.text.SimpleDateFormat",
                "java.util.logging.Logger", "javax.crypto.Cipher", "java.security.MessageDigest", "java.net.http.HttpClient", "java.util.regex.Pattern"}) {
            try {
                loaded.add(Class.forName(name));
            } catch (ClassNotFoundException ignored) {
                // a trimmed runtime: fine
            }
        }
        List<IntUnaryOperator> handlers = new ArrayList<>();
        for (int i = 0; i < 200; i++) { int k = i; handlers.add(x -> x * k + 1); }
        // Cache fill: the heap grows to its steady size over the first seconds.
        for (int i = 0; i < 2000; i++) {
            CACHE.put(i, new byte[16 * 1024]);
            if (i % 200 == 0) Scenario.sleep(100);
        }
        Scenario.daemon("light-traffic", () -> {
            long acc = 0;
            while (Scenario.running(start)) {
                for (int i = 0; i < 1000; i++) acc += handlers.get(i % handlers.size()).applyAsInt(i) + CACHE.get(i % 2000).length;
                Scenario.sleep(20);
            }
            if (acc == 42) System.out.println(acc + " " + loaded.size());
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
