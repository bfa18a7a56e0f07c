package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineSamplerTest {
    @Test void aboutAHundredAndTwentyPointsAWindowWithinBounds() {
        assertThat(TimelineSampler.period(Duration.ofSeconds(60))).isEqualTo(Duration.ofMillis(500));
        assertThat(TimelineSampler.period(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(250));   // never more than 4 a second
        assertThat(TimelineSampler.period(Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(30));   // never rarer than 2 a minute
    }

    @Test void aPointCarriesThisJvmsLevels() {
        Instant t0 = Instant.now();
        WindowBuilder w = new WindowBuilder(1, t0);
        new TimelineSampler().sample(w, t0.plusMillis(10), Map.of("orders-N", 7L));
        var points = w.build(t0.plusSeconds(1), List.of()).timeline().points();
        assertThat(points).hasSize(1);
        assertThat(points.get(0).heapUsedBytes()).isPositive();
        assertThat(points.get(0).threads()).isPositive();
        assertThat(points.get(0).poolQueues()).containsEntry("orders-N", 7L);
    }
}
