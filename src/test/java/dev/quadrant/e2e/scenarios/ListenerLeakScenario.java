package dev.quadrant.e2e.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Each WebSocket session subscribes a listener to the price bus and never unsubscribes when it closes: every
 * listener keeps its session's send buffer alive.
 */
public final class ListenerLeakScenario {
    static final class PriceBus {
        final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
        void subscribe(Consumer<String> l) { listeners.add(l); }
    }

    static final class Session {
        final byte[] sendBuffer = new byte[8192];
        void send(String price) { sendBuffer[0] = (byte) price.length(); }
    }

    static final PriceBus BUS = new PriceBus();

    static void open() {
        Session s = new Session();
        BUS.subscribe(s::send);  // the bug: no unsubscribe on close
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Scenario.daemon("websocket-acceptor", () -> {
            while (Scenario.running(start)) {
                for (int i = 0; i < 5; i++) open();  // CopyOnWriteArrayList copies on every add: few, big sessions
                Scenario.sleep(10);
            }
        });
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
