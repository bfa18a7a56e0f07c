package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An event consumer that busy-waits for work: it polls a non-blocking queue in a tight loop instead of blocking on it.
 * Events arrive a few per second, so the thread burns a whole core doing nothing.
 */
public final class SpinWaitConsumerScenario {
    static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

    static final class EventConsumer implements Runnable {
        private final long start;
        long handled;

        EventConsumer(long start) { this.start = start; }

        @Override public void run() {
            while (Scenario.running(start)) {
                String event = EVENTS.poll();
                if (event == null) continue;  // the bug: spin instead of take()
                handled += event.length();
            }
        }
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("event-consumer", new EventConsumer(start));
        Scenario.daemon("event-producer", () -> {
            int n = 0;
            while (Scenario.running(start)) {
                EVENTS.add("order-created:" + n++);
                Scenario.sleep(200);
            }
        });
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
