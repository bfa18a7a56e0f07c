package dev.quadrant.e2e.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An order service that works for a while, then ends one of the ways services end: {@code exit} (System.exit from
 * main), {@code pool-exit} (from a worker thread), {@code hook-exit} (its own shutdown hook has System.exit called,
 * which blocks that thread for good; called on the hook's own thread it would hang the JVM, agent or not), {@code return} (main returns, daemons left), {@code sigterm} (waits for the signal),
 * {@code halt} (Runtime.halt). With {@code leak}, its session cache never evicts, so the agent is confirming a heap
 * leak when the end comes. Prints {@code exiting <epoch ms>} just before it acts, for the test to time the exit.
 */
public final class ExitPathsApp {
    static final List<byte[]> SESSIONS = new ArrayList<>();  // the cache that never evicts (with "leak")
    static volatile long checksum;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long workMillis = Long.parseLong(args[1]);
        boolean leak = args.length > 2 && args[2].equals("leak");
        long start = System.nanoTime();
        if (mode.equals("hook-exit")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("app hook: flushing");
                Thread exit = new Thread(() -> System.exit(0), "exit-from-hook");  // blocks: the JVM is shutting down already
                exit.setDaemon(true);
                exit.start();
                Scenario.sleep(200);
            }, "app-shutdown"));
        }
        for (int i = 0; i < 2; i++) {
            Scenario.daemon("order-worker-" + i, () -> {
                long sum = 0;
                while (Scenario.running(start)) {
                    for (int j = 0; j < 2_000; j++) sum += new StringBuilder("order-").append(j).toString().hashCode();
                    if (leak) {
                        synchronized (SESSIONS) {
                            for (int j = 0; j < 8; j++) SESSIONS.add(new byte[4096]);  // ~3 MiB/s each
                        }
                    }
                    checksum = sum;
                    Scenario.sleep(10);
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(workMillis);
        while (System.nanoTime() < end) {
            pool.submit(() -> checksum += Integer.toString((int) checksum).length());
            Scenario.sleep(20);
        }
        System.out.println("work done");
        switch (mode) {
            case "exit" -> {
                exiting();
                System.exit(0);
            }
            case "pool-exit" -> {
                pool.submit(() -> {
                    exiting();
                    System.exit(4);
                });
                Scenario.sleep(Scenario.MAX_LIFETIME.toMillis());
            }
            case "hook-exit", "return" -> {
                pool.shutdown();
                exiting();
            }
            case "sigterm" -> {
                System.out.println("ready for SIGTERM");
                Scenario.sleep(Scenario.MAX_LIFETIME.toMillis());
            }
            case "halt" -> {
                exiting();
                Runtime.getRuntime().halt(5);
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void exiting() {
        System.out.println("exiting " + System.currentTimeMillis());
        System.out.flush();
    }
}
