package dev.quadrant.e2e.scenarios;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived job of the kind small containers run: a few seconds of requests on a small pool, then exit. Writes,
 * to {@code args[1]}, what it measured of itself: the JVM's uptime when main began, its CPU time, and the heap used
 * after full collections at the end (so a test can tell the agent's share of each).
 */
public final class SmallServiceApp {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long mainAtMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        while (System.nanoTime() < end) {
            pool.submit(() -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 2_000; i++) b.append(i % 10);
                sink += b.toString().hashCode();
            });
            Scenario.sleep(2);
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        long heapAfterGc = r.totalMemory() - r.freeMemory();
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        Files.writeString(Path.of(args[1]), mainAtMillis + " " + cpuNanos + " " + heapAfterGc);
        System.out.println("served");
    }
}
