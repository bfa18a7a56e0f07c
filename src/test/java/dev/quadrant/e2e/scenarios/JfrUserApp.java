package dev.quadrant.e2e.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;

/**
 * A service that records itself with JFR, as many do for audit or support: its own recording with the default
 * settings and an event of its own, started at start-up, dumped and closed after {@code args[2]} seconds; then it
 * serves as long again without it. Writes the number of events it committed to {@code args[1]}, for the test to
 * compare with what the dump in {@code args[0]} holds.
 */
public final class JfrUserApp {
    @Name("acme.Checkout")
    @Label("Checkout")
    static final class CheckoutEvent extends Event {
        @Label("Order") long order;
    }

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        long seconds = Long.parseLong(args[2]);
        long committed = 0;
        try (Recording audit = new Recording(Configuration.getConfiguration("default"))) {
            audit.setName("acme-audit");
            audit.enable(CheckoutEvent.class);
            audit.start();
            System.out.println("recording started");
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 5_000; i++) sink += new StringBuilder("order-").append(i).toString().hashCode();
                CheckoutEvent e = new CheckoutEvent();
                e.order = ++committed;
                e.commit();
                Scenario.sleep(10);
            }
            audit.stop();
            audit.dump(dump);
        }
        Files.writeString(Path.of(args[1]), Long.toString(committed));
        System.out.println("recording dumped");
        long end = System.nanoTime() + seconds * 1_000_000_000L;  // and serves on without it
        while (System.nanoTime() < end) {
            for (int i = 0; i < 5_000; i++) sink += new StringBuilder("order-").append(i).toString().hashCode();
            Scenario.sleep(10);
        }
        System.out.println("done");
    }
}
