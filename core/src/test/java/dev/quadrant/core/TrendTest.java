package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class TrendTest {
    static List<double[]> points(int n, double step, IntToDoubleFunction value) {
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < n; i++) p.add(new double[] {i * step, value.applyAsDouble(i)});
        return p;
    }

    @Test void aStraightLineIsSteadyGrowthWithItsSlope() {
        Trend t = Trend.of(points(10, 5, i -> 100 + 10 * i));
        assertThat(t.slopePerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(t.r2()).isCloseTo(1.0, within(1e-9));
        assertThat(t.steadyGrowth(5, 20, 0.6)).isTrue();
        assertThat(t.secondsUntil(200)).isCloseTo(5.0, within(1e-9));  // last = 190
    }

    @Test void warmUpThatLevelsOffIsNotSteady() {
        Trend t = Trend.of(points(12, 5, i -> 1000 * (1 - Math.exp(-i / 2.0))));
        assertThat(t.slopePerSecond()).isPositive();
        assertThat(t.steadyGrowth(5, 20, 0.6)).isFalse();
    }

    @Test void aFillUpSeenByManyEarlyPointsAndAFewLateOnesIsNotSteady() {
        // old collections while the heap fills (0-10 s), then one more 10 s later on a level heap: split by points, the
        // later half (4-20 s) rises as fast as the earlier one; split by time, the last 10 s are nearly flat
        List<double[]> pts = List.of(new double[] {0, 8.5}, new double[] {2, 12}, new double[] {4, 20}, new double[] {10, 60},
                new double[] {20, 67.7});
        assertThat(Trend.of(pts).steadyGrowth(5, 20, 0.6)).isFalse();
    }

    @Test void aSawtoothIsNotSteady() {
        Trend t = Trend.of(points(12, 5, i -> 100 + (i % 4) * 30));
        assertThat(t.steadyGrowth(5, 20, 0.6)).isFalse();
    }

    @Test void aDropAtTheEndIsNotSteady() {
        Trend t = Trend.of(points(8, 5, i -> i < 7 ? 100 + 10 * i : 100));
        assertThat(t.steadyGrowth(5, 20, 0.6)).isFalse();
    }

    @Test void tooFewPointsOrTooShortASpanIsNotSteady() {
        assertThat(Trend.of(points(4, 10, i -> i)).steadyGrowth(5, 20, 0.6)).isFalse();
        assertThat(Trend.of(points(10, 1, i -> i)).steadyGrowth(5, 20, 0.6)).isFalse();
        assertThat(Trend.of(points(1, 1, i -> 5)).slopePerSecond()).isZero();
    }

    @Test void aFlatLineNeverReachesItsLimit() {
        assertThat(Trend.of(points(10, 5, i -> 50)).secondsUntil(100)).isInfinite();
    }
}
