package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScoreTest {
    @Test void thresholdsLandOnTheSeverityBands() {
        assertThat(Score.of(0, 10, 20)).isZero();
        assertThat(Score.of(5, 10, 20)).isEqualTo(12);
        assertThat(Score.of(10, 10, 20)).isEqualTo(25);
        assertThat(Score.of(15, 10, 20)).isEqualTo(50);
        assertThat(Score.of(20, 10, 20)).isEqualTo(75);
        assertThat(Score.of(40, 10, 20)).isEqualTo(100);
        assertThat(Score.of(4000, 10, 20)).isEqualTo(100);
    }

    @Test void severityFollowsScore() {
        assertThat(Severity.of(24)).isEqualTo(Severity.INFO);
        assertThat(Severity.of(25)).isEqualTo(Severity.WARNING);
        assertThat(Severity.of(74)).isEqualTo(Severity.WARNING);
        assertThat(Severity.of(75)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.INFO.status()).isEqualTo("OK");
    }

    @Test void durationsScoreLikeNumbers() {
        assertThat(Score.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30))).isEqualTo(25);
    }

    @Test void negativeAndNaNScoreZero() {
        assertThat(Score.of(-3, 10, 20)).isZero();
        assertThat(Score.of(Double.NaN, 10, 20)).isZero();
    }

    @Test void badThresholdsAreRejected() {
        assertThatThrownBy(() -> Score.of(1, 20, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
