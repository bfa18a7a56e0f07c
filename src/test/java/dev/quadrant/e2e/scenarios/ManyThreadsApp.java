package dev.quadrant.e2e.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A service with thousands of threads, as a thread-per-connection server or a careless client library makes: 5,000
 * threads parked on a latch and 500 parked at the bottom of 400-frame call chains, beside a little real work. Runs for
 * {@code args[0]} seconds, then lets them all go at once and exits. Says on stderr when (JVM uptime) the threads
 * were all parked and when they were let go.
 */
public final class ManyThreadsApp {
    static final int PARKED = 5_000;
    static final int DEEP = 500;
    static final int DEPTH = 400;
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        CountDownLatch started = new CountDownLatch(PARKED + DEEP);
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < PARKED; i++) all.add(start("connection-" + i, () -> { started.countDown(); await(); }));
        for (int i = 0; i < DEEP; i++) all.add(start("parser-" + i, () -> descend(DEPTH, started)));
        started.await();
        System.out.println(all.size() + " threads parked");
        System.err.println("parked at uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20_000; i++) sink += Integer.toString(i).hashCode();
            Scenario.sleep(20);
        }
        System.err.println("releasing at uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        RELEASE.countDown();
        for (Thread t : all) t.join();
        System.out.println("all threads done");
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(null, r, name, 256 * 1024);
        t.start();
        return t;
    }

    private static void descend(int depth, CountDownLatch started) {
        if (depth == 0) {
            started.countDown();
            await();
            return;
        }
        descend(depth - 1, started);
        sink++;
    }

    private static void await() {
        try {
            RELEASE.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
