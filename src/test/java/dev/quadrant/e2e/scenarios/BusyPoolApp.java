package dev.quadrant.e2e.scenarios;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker pool created by main's first line and busy from then on, as a batch job or a server's request pool is:
 * many small tasks (a checksum each) for the given seconds, at most 64 waiting. Prints the task count, then "done".
 */
public final class BusyPoolApp {
    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Semaphore inFlight = new Semaphore(64);
        AtomicLong checksum = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long tasks = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long seed = tasks++;
            pool.execute(() -> {
                long h = seed;
                for (int i = 0; i < 200; i++) h = h * 31 + i;
                checksum.addAndGet(h);
                inFlight.release();
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) throw new IllegalStateException("the pool did not finish");
        System.out.println(tasks > 0 ? "tasks ran" : "no tasks");
        System.out.println("done");
    }
}
