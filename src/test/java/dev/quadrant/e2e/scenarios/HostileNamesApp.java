package dev.quadrant.e2e.scenarios;

import java.io.FileOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/**
 * Names from a hostile or careless application everywhere a name enters a report: threads (markup, quotes, control
 * characters, lone surrogates, a right-to-left override, a megabyte of text), a pool named after them, a class whose
 * name is markup (generated, as frameworks generate classes), a file whose name is markup, host names that are markup,
 * exceptions whose messages are markup. Each does something a rule reports: burns CPU, waits on a lock, allocates,
 * writes a byte at a time, looks a name up. Runs {@code args[0]} seconds.
 */
public final class HostileNamesApp {
    public static final List<String> NAMES = List.of("<img src=x onerror=alert(1)>", "\"'`</script><script>alert(2)</script>",
            "ctl\u0000\u0007\u001b[31mred\u007f", "lone\uD800high and \uDFFFlow", "\u202Egnp.exe", "emoji \uD83D\uDE00 ok",
            "x".repeat(1 << 20));
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        Class<?> hostileType = new ByteBuddy().with(TypeValidation.DISABLED).subclass(Object.class)
                .name("evil.<img src=x onerror=alert(3)>\u202Eexe")  // a class name may not hold a slash
                .make().load(HostileNamesApp.class.getClassLoader()).getLoaded();
        Object ledger = hostileType.getDeclaredConstructor().newInstance();  // its class names the contended lock
        Path dir = Files.createTempDirectory("hostile");
        List<Thread> threads = new ArrayList<>();
        for (String name : NAMES) {
            threads.add(start(name, () -> {
                List<Object> keep = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long x = 0;
                    for (int i = 0; i < 200_000; i++) x += i * 31L ^ x;  // a busy thread
                    synchronized (ledger) {  // contended by all of them
                        Scenario.sleep(3);
                        sink += x;
                    }
                    try {
                        keep.add(hostileType.getDeclaredConstructor().newInstance());
                        if (keep.size() > 1000) keep.clear();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    try {
                        throw new IllegalStateException("<b>" + name.substring(0, Math.min(name.length(), 64)) + "</b>");
                    } catch (IllegalStateException expected) {
                        sink += expected.getMessage().length();
                    }
                }
            }));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, NAMES.get(1) + " worker " + System.nanoTime()));
        threads.add(start("writer", () -> {
            while (System.nanoTime() < end) {  // a batch export per file, written a byte at a time: a rule names the file
                try (FileOutputStream out = new FileOutputStream(dir.resolve("<b onmouseover=alert(4)>\u202Eexport.csv").toFile(), true)) {
                    for (int batch = 0; batch < 50; batch++) {
                        for (int i = 0; i < 5_000; i++) out.write('a');
                        pool.submit(() -> sink++);
                        Scenario.sleep(5);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }));
        threads.add(start("resolver", () -> {
            while (System.nanoTime() < end) {
                for (String host : List.of("<svg onload=alert(5)>.invalid", "\u202Emoc.elpmaxe.invalid")) {
                    try {
                        InetAddress.getByName(host);
                    } catch (java.io.IOException expected) {
                        sink++;
                    }
                }
                Scenario.sleep(50);
            }
        }));
        for (Thread t : threads) t.join();
        pool.shutdown();
        System.out.println("done");
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }
}
