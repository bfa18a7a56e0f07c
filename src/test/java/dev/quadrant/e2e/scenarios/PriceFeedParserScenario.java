package dev.quadrant.e2e.scenarios;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A market-data importer that parses every price field with BigDecimal and catches the exception for the many
 * feeds that send "N/A" or "-": the exception is the normal path, thousands of times a second.
 */
public final class PriceFeedParserScenario {
    static final String[] FIELDS = {"101.25", "N/A", "-", "99.5", "N/A", "n/a", "", "N/A"};

    static BigDecimal price(String field) {
        try {
            return new BigDecimal(field);
        } catch (NumberFormatException notAPrice) {
            return BigDecimal.ZERO;
        }
    }

    static BigDecimal importLine(int seq) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) total = total.add(price(FIELDS[(seq + i) % FIELDS.length]));
        return total;
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            Scenario.daemon("feed-importer-" + t, () -> {
                BigDecimal sum = BigDecimal.ZERO;
                int seq = 0;
                while (Scenario.running(start)) {
                    sum = sum.add(importLine(seq++));
                    if (seq % 2000 == 0) Scenario.sleep(1);
                }
                if (sum.signum() < 0) System.out.println(sum);
            });
        }
        Scenario.runFor(Duration.ofSeconds(60));
    }
}
