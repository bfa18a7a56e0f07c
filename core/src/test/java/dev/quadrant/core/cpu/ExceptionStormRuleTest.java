package dev.quadrant.core.cpu;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionStormRuleTest {
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> THROWING = stack("java.lang.Throwable.fillInStackTrace(Native Method)", "java.lang.Throwable.<init>(Throwable.java:271)",
            "java.lang.Exception.<init>(Exception.java:67)", "java.lang.NumberFormatException.<init>(NumberFormatException.java:55)",
            "java.lang.Integer.parseInt(Integer.java:652)", "com.acme.Feed.price(Feed.java:12)");
    static final List<String> WORKING = stack("com.acme.Feed.sum(Feed.java:30)");

    private final ExceptionStormRule rule = new ExceptionStormRule();

    @Test void manyExceptionsTakingAThirdOfTheCpuAreCriticalWithTheirSite() {
        Finding f = rule.evaluate(Windows.of(TEN_S).processCores(1).exceptions(200_000).cpu(THROWING, 150).cpu(WORKING, 300).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("exceptionsPerSecond", 20_000L).containsEntry("cpuShare", 0.333).containsEntry("cpuShareFrom", "cpu-profile");
        assertThat(f.title()).contains("NumberFormatException").contains("com.acme.Feed.price(Feed.java:12)");
    }

    @Test void withoutAProfileTheFloorOfOneMicrosecondEachJudgesTheCost() {
        Finding f = rule.evaluate(Windows.of(TEN_S).processCores(1).exceptions(1_000_000).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("cpuShareFrom", "lower-bound-1us-per-exception").containsEntry("cpuShare", 0.1);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test void manyCheapExceptionsOnABusyProcessStayInfo() {
        Finding f = rule.evaluate(Windows.of(TEN_S).processCores(8).exceptions(30_000).cpu(WORKING, 1000).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test void ordinaryErrorHandlingIsNothing() {
        assertThat(rule.evaluate(Windows.of(TEN_S).processCores(1).exceptions(500).build())).isEmpty();
    }

    @Test void unknownCountIsNothing() {
        assertThat(rule.evaluate(Windows.of(TEN_S).cpu(THROWING, 500).build())).isEmpty();
    }
}
