package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A push server starts a watcher thread per client session that waits for the session's "closed" signal; clients that
 * vanish without saying goodbye never send it, so their watchers live forever.
 */
public final class ClientWatcherThreadLeakScenario {
    static void onConnect(int session) {
        CountDownLatch closed = new CountDownLatch(1);  // counted down by a goodbye message that never arrives
        Thread watcher = new Thread(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "session-watcher-" + session);
        watcher.setDaemon(true);
        watcher.start();
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("acceptor", () -> {
            for (int s = 0; Scenario.running(start); s++) {
                onConnect(s);
                Scenario.sleep(200);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
