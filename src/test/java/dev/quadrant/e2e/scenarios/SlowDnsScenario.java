package dev.quadrant.e2e.scenarios;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A client that looks up its peer's host name before every call, with the JDK's name cache turned off (as often
 * advised for containers): with {@code slow}, the name server takes ~400 ms per answer; with {@code failing}, the
 * configured name no longer exists. The test installs a resolver it controls (JDK 18+ InetAddressResolverProvider).
 */
public final class SlowDnsScenario {
    static void callInventory() {
        try {
            InetAddress.getByName("inventory.internal");
        } catch (UnknownHostException e) {
            // the call fails
        }
    }

    static void callPayments() {
        try {
            InetAddress.getByName("payments.legacy");
        } catch (UnknownHostException e) {
            // the call fails; the next request tries again
        }
    }

    public static void main(String[] args) {
        boolean failing = args.length > 0 && args[0].equals("failing");
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("http-client-" + t, () -> {
                while (Scenario.running(start)) {
                    if (failing) callPayments(); else callInventory();
                    Scenario.sleep(failing ? 200 : 100);
                }
            });
        }
        Scenario.runFor(Duration.ofSeconds(90));
    }
}
