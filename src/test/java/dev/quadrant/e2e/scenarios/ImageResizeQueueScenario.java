package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Uploaded images are resized on a single "resizer" thread (CPU work, ~30 ms each) behind a queue of 10,000; uploads
 * arrive faster than one thread can resize them, so the backlog and each image's wait keep growing.
 */
public final class ImageResizeQueueScenario {
    static volatile long sink;

    static void resize(int image) {
        long end = System.nanoTime() + 30_000_000;
        long acc = image;
        while (System.nanoTime() < end) acc = acc * 6364136223846793005L + 1442695040888963407L;  // stands in for pixel math
        sink = acc;
    }

    public static void main(String[] args) {
        ThreadPoolExecutor resizer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> new Thread(r, "resizer"));
        long start = System.nanoTime();
        Scenario.daemon("uploads", () -> {
            for (int image = 0; Scenario.running(start); image++) {
                int id = image;
                resizer.execute(() -> resize(id));
                Scenario.sleep(25);  // 40 uploads/s, ~33/s resized
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
