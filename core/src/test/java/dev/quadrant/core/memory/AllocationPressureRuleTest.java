package dev.quadrant.core.memory;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationPressureRuleTest {
    static final long MIB = 1024 * 1024;
    static final Duration TEN_S = Duration.ofSeconds(10);
    static final List<String> SITE = stack("java.util.Arrays.copyOf(Arrays.java:3537)", "java.lang.StringBuilder.append(StringBuilder.java:179)",
            "com.acme.Report.render(Report.java:88)");

    private final AllocationPressureRule rule = new AllocationPressureRule();

    @Test void gigabytePerSecondWithBusyCollectorIsCriticalAndNamesTheSite() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocated(12_000 * MIB).gcPauses(100, Duration.ofMillis(5))
                .allocation("byte[]", 900 * MIB, SITE).allocation("java.lang.String", 100 * MIB, stack("com.acme.Other.x(Other.java:1)"))
                .build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("com.acme.Report.render");
        @SuppressWarnings("unchecked") List<Map<String, Object>> sites = (List<Map<String, Object>>) f.evidence().get("topSites");
        assertThat(sites.get(0)).containsEntry("site", "com.acme.Report.render(Report.java:88)").containsEntry("type", "byte[]").containsEntry("share", 0.9);
        assertThat(f.stack()).isEqualTo(SITE);
    }

    /** The rate comes from the MXBean from the first window; the sites from JFR, which may still be starting. */
    @Test void withoutJfrYetTheFindingSaysTheSitesAreNotInYet() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocated(6_000 * MIB).gcPauses(40, Duration.ofMillis(10)).jfrSince(null).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsKey("sitesPending").containsEntry("topSites", List.of());
        assertThat(f.title()).contains("the sites follow");
        assertThat(f.recommendation()).contains("next report");
    }

    @Test void withJfrRecordingAndNoSitesNothingIsPending() {
        Finding f = rule.evaluate(Windows.of(TEN_S).jfrSince(Windows.T0.minusSeconds(5)).allocated(6_000 * MIB)
                .gcPauses(40, Duration.ofMillis(10)).build()).orElseThrow();
        assertThat(f.evidence()).doesNotContainKey("sitesPending");
        assertThat(f.recommendation()).contains("Record allocations with JFR");
    }

    @Test void highRateThatTheCollectorAbsorbsIsInfo() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocated(6_000 * MIB).gcPauses(5, Duration.ofMillis(2)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
    }

    @Test void backToBackShortCollectionsCountAsABusyCollector() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocated(6_000 * MIB).gcPauses(40, Duration.ofMillis(1)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("gcPerSecond", 4.0);
    }

    @Test void moderateRateWithNoticeableGcIsWarning() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocated(4_000 * MIB).gcPauses(40, Duration.ofMillis(10)).build()).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("gcPauseShare", 0.04);
    }

    @Test void ordinaryRateIsNoFinding() {
        assertThat(rule.evaluate(Windows.of(TEN_S).allocated(500 * MIB).gcPauses(50, Duration.ofMillis(10)).build())).isEmpty();
    }

    @Test void fallsBackToJfrSamplesWhenTheMxBeanCannotCount() {
        Finding f = rule.evaluate(Windows.of(TEN_S).allocation("byte[]", 8_000 * MIB, SITE).gcPauses(60, Duration.ofMillis(10)).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("allocatedBytes", 8_000 * MIB);
    }
}
