package dev.quadrant.e2e.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service that locks itself down once started (JDK 17: -Djava.security.manager=allow, then System.setSecurityManager
 * with the policy given on the command line), then goes on working: a pool, a lock, a file. With {@code none} it never
 * installs one (the JVM may have one from the command line).
 */
public final class SecuredApp {
    static volatile long sink;

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        long before = Long.parseLong(args[1]), after = Long.parseLong(args[2]);
        work(before);
        if (args[0].equals("install")) {
            System.setSecurityManager(new SecurityManager());
            System.out.println("security manager installed");
        }
        work(after);
        System.out.println("done");
    }

    static void work(long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Path file = Files.createTempFile("secured", ".txt");
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            pool.submit(() -> { synchronized (SecuredApp.class) { sink++; } });
            Files.writeString(file, "order " + sink);
            Scenario.sleep(20);
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        Files.delete(file);
    }
}
