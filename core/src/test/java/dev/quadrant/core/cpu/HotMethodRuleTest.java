package dev.quadrant.core.cpu;

import static dev.quadrant.core.Windows.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Finding;
import dev.quadrant.core.Severity;
import dev.quadrant.core.Window;
import dev.quadrant.core.Windows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotMethodRuleTest {
    static final List<String> HOT = stack("com.acme.Pricing.score(Pricing.java:42)", "com.acme.Api.quote(Api.java:10)", "java.lang.Thread.run(Thread.java:840)");
    static final List<String> OTHER = stack("com.acme.Json.write(Json.java:7)", "com.acme.Api.quote(Api.java:11)");
    static final Duration TEN_S = Duration.ofSeconds(10);

    private final HotMethodRule rule = new HotMethodRule();

    @Test void oneMethodBurningACoreIsCritical() {
        Window w = Windows.of(TEN_S).cpu(HOT, 480).cpu(OTHER, 20).processCores(1.05).build();
        Finding f = rule.evaluate(w).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.evidence()).containsEntry("method", "com.acme.Pricing.score").containsEntry("selfShare", 0.96)
                .containsEntry("applicationFrame", "com.acme.Pricing.score(Pricing.java:42)");
        assertThat(f.stack()).isEqualTo(HOT);
    }

    @Test void topMethodsCarrySelfAndTotalShares() {
        Finding f = rule.evaluate(Windows.of(TEN_S).cpu(HOT, 300).cpu(OTHER, 100).processCores(1.0).build()).orElseThrow();
        @SuppressWarnings("unchecked") List<java.util.Map<String, Object>> top = (List<java.util.Map<String, Object>>) f.evidence().get("topMethods");
        assertThat(top.get(0)).containsEntry("method", "com.acme.Pricing.score").containsEntry("selfShare", 0.75).containsEntry("totalShare", 0.75);
        assertThat(top.get(1)).containsEntry("method", "com.acme.Json.write").containsEntry("selfShare", 0.25);
    }

    @Test void dominantMethodOnAnAlmostIdleProcessIsOnlyInfo() {
        Window w = Windows.of(TEN_S).cpu(HOT, 80).cpu(OTHER, 20).processCores(0.05).build();
        assertThat(rule.evaluate(w).orElseThrow().severity()).isEqualTo(Severity.INFO);
    }

    @Test void moderateShareOnABusyProcessIsWarning() {
        Window w = Windows.of(TEN_S).cpu(HOT, 200).cpu(OTHER, 300).processCores(1.5).build();
        Finding f = rule.evaluate(w).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence()).containsEntry("method", "com.acme.Json.write");
    }

    @Test void noDominantMethodIsNoFinding() {
        Windows w = Windows.of(TEN_S).processCores(1.8);
        for (int i = 0; i < 10; i++) w.cpu(stack("com.acme.M.m" + i + "(M.java:1)"), 50);
        assertThat(rule.evaluate(w.build())).isEmpty();
    }

    @Test void tooFewSamplesIsNoFinding() {
        assertThat(rule.evaluate(Windows.of(TEN_S).cpu(HOT, 49).processCores(1.0).build())).isEmpty();
    }

    @Test void withoutProcessCpuTheShareAloneStaysBelowCritical() {
        Window w = Windows.of(TEN_S).cpu(HOT, 500).build();
        assertThat(rule.evaluate(w).orElseThrow().severity()).isEqualTo(Severity.WARNING);
    }

    /** A busy thread seen in ten dumps, a second of CPU each: a profile JFR's sampler could not take. */
    @Test void threadDumpsStandInWhereJfrSawLittle() {
        Windows ten = Windows.of(TEN_S).cpu(OTHER, 10).processCores(0.95);
        for (int dump = 0; dump < 10; dump++) ten.threadCpu(HOT, 900);
        Window w = ten.build();
        Finding f = rule.evaluate(w).orElseThrow();
        assertThat(f.evidence()).containsEntry("method", "com.acme.Pricing.score").containsEntry("source", "thread-dumps");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    /** Two or three dumps while JFR is still starting are not a profile, however much CPU they weigh. */
    @Test void aFewThreadDumpsBeforeJfrRecordsAreNoFinding() {
        Window w = Windows.of(TEN_S).threadCpu(HOT, 1_000).threadCpu(HOT, 1_000).threadCpu(OTHER, 1_000).processCores(0.95).build();
        assertThat(rule.evaluate(w)).isEmpty();
    }

    /** JFR recorded the window and its sampler could not walk the loop: two dumps of the busy thread stand in. */
    @Test void twoThreadDumpsStandInWhereJfrRecordedAndSawLittle() {
        Window w = Windows.of(Duration.ofSeconds(2)).jfrSince(Windows.T0.minusSeconds(30)).cpu(OTHER, 3)
                .threadCpu(HOT, 1_000).threadCpu(HOT, 1_000).processCores(1.0).build();
        assertThat(rule.evaluate(w).orElseThrow().evidence()).containsEntry("method", "com.acme.Pricing.score").containsEntry("source", "thread-dumps");
    }

    /** The sampler hands over each distinct stack once, with the number of dumps that saw it. */
    @Test void oneStackSeenInTwoDumpsIsTwoSamples() {
        Window w = Windows.of(Duration.ofSeconds(2)).jfrSince(Windows.T0.minusSeconds(30)).cpu(OTHER, 3)
                .threadCpu(HOT, 2_000, 2).processCores(1.0).build();
        assertThat(rule.evaluate(w).orElseThrow().evidence()).containsEntry("method", "com.acme.Pricing.score");
    }

    /** Two dumps that disagree name no method: each is on top of one dump, which is chance. */
    @Test void twoThreadDumpsThatDisagreeAreNoFinding() {
        Window w = Windows.of(Duration.ofSeconds(2)).jfrSince(Windows.T0.minusSeconds(30)).cpu(OTHER, 3)
                .threadCpu(HOT, 1_000).threadCpu(OTHER, 1_001).processCores(1.0).build();
        assertThat(rule.evaluate(w)).isEmpty();
    }

    @Test void jdkTopFrameNamesTheApplicationCaller() {
        List<String> inJdk = stack("java.util.HashMap.hash(HashMap.java:338)", "java.util.HashMap.get(HashMap.java:556)", "com.acme.Cache.lookup(Cache.java:20)");
        Finding f = rule.evaluate(Windows.of(TEN_S).cpu(inJdk, 500).processCores(1.0).build()).orElseThrow();
        assertThat(f.evidence()).containsEntry("method", "java.util.HashMap.hash").containsEntry("applicationFrame", "com.acme.Cache.lookup(Cache.java:20)");
        assertThat(f.recommendation()).contains("com.acme.Cache.lookup");
    }
}
