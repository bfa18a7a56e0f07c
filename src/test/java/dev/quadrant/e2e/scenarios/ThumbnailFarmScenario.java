package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An image service that resizes uploads on a pool sized for a bigger machine: six workers, each box-filtering
 * images, on a host with fewer cores. The process takes every core there is.
 */
public final class ThumbnailFarmScenario {
    static int[] downscale(int[] pixels, int width, int factor) {
        int height = pixels.length / width, w = width / factor, h = height / factor;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long sum = 0;
                for (int dy = 0; dy < factor; dy++) for (int dx = 0; dx < factor; dx++) sum += pixels[(y * factor + dy) * width + x * factor + dx] & 0xff;
                out[y * w + x] = (int) (sum / (factor * factor));
            }
        }
        return out;
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "thumbnailer");
            t.setDaemon(true);
            return t;
        });
        int[] upload = new int[1024 * 768];
        for (int i = 0; i < upload.length; i++) upload[i] = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 6; i++) {
            pool.submit(() -> {
                long checksum = 0;
                while (Scenario.running(start)) checksum += downscale(upload, 1024, 4)[7];
                return checksum;
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
