package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A notification sender with a bounded pool (2-4 threads, queue of 20, AbortPolicy) gets a burst of 60 notifications
 * every second (a campaign batch); each takes ~100 ms to send. The pool rejects most of the burst and the caller only
 * counts the failures.
 */
public final class NotificationRejectionScenario {
    static final AtomicInteger FAILED = new AtomicInteger();

    static void sendBatch(ThreadPoolExecutor senders, int batch) {
        for (int i = 0; i < 60; i++) {
            try {
                senders.execute(() -> Scenario.sleep(100));
            } catch (RejectedExecutionException e) {
                FAILED.incrementAndGet();  // the notification is lost
            }
        }
    }

    public static void main(String[] args) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor senders = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(20),
                r -> new Thread(r, "notify-" + n.incrementAndGet()));
        long start = System.nanoTime();
        Scenario.daemon("campaigns", () -> {
            for (int batch = 0; Scenario.running(start); batch++) {
                sendBatch(senders, batch);
                Scenario.sleep(1000);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
