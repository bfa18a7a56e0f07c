package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.ThreadPool;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsTest {
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test void everyFigureHasItsOwnKeyAndALabel() {
        assertThat(Metrics.TABLE).extracting(Metric::key).doesNotHaveDuplicates();
        assertThat(Metrics.TABLE).allSatisfy(m -> assertThat(m.label()).as(m.key()).isNotBlank());
        assertThat(Metrics.POOLS.columns()).extracting(Metric::key).doesNotHaveDuplicates().doesNotContain(Metrics.POOLS.nameKey());
        assertThat(Metrics.POOLS.columns()).allSatisfy(c -> assertThat(c.dimension()).isEqualTo(Metrics.POOLS.dimension()));
        assertThat(Metrics.TABLE).extracting(Metric::key).doesNotContain(Metrics.POOLS.key());
    }

    @Test void unknownJvmFiguresAreLeftOutAndTheWindowsOwnCountsKept() {
        Metrics metrics = Metrics.of(Windows.of(MINUTE).build());
        assertThat(metrics.figures()).extracting(f -> f.metric().key()).containsExactly(
                "jfrProfiledCpuMs", "threadDumpProfiledCpuMs", "gcPauses", "gcPauseTotalMs", "gcPauseLongestMs",
                "contendedMonitors", "monitorBlockedMs", "deadlockedThreads", "untimedWaits", "virtualPinnedMs",
                "slowSocketReads", "slowSocketWrites", "slowFileOperations", "socketPeers", "blockedCalls");
        assertThat(metrics.pools()).isEmpty();
    }

    @Test void figuresKeepTheDecimalsOfTheirUnit() {
        Window w = Windows.of(MINUTE).processCores(1.23456).allocated(1_000).gcPauses(1, Duration.ofNanos(1_250_000)).build();
        List<Metrics.Figure> figures = Metrics.of(w).figures();
        assertThat(figure(figures, "processCpuCores").number()).isEqualTo(1.235);
        assertThat(figure(figures, "allocationRateBytesPerSecond").number()).isEqualTo(17L);  // 16.7 B/s
        assertThat(figure(figures, "gcPauseTotalMs").number()).isEqualTo(1.3);
        assertThat(figure(figures, "availableProcessors").number()).isEqualTo(2L);
    }

    @Test void poolsAreCappedAndEachRowHasEveryColumn() {
        Windows windows = Windows.of(MINUTE);
        IntStream.range(0, Metrics.MAX_POOLS + 1).forEach(i -> windows.pool(pool("pool-" + i, Duration.ofMillis(40))));
        List<Metrics.Pool> pools = Metrics.of(windows.build()).pools();
        assertThat(pools).hasSize(Metrics.MAX_POOLS);
        assertThat(pools.get(0).name()).isEqualTo("pool-0");
        assertThat(pools.get(0).figures()).extracting(Metrics.Figure::metric).containsExactlyElementsOf(Metrics.POOLS.columns());
        assertThat(figure(pools.get(0).figures(), "meanQueueWaitMs").value()).isEqualTo(40);
        assertThat(figure(pools.get(0).figures(), "queued").number()).isEqualTo(120L);
    }

    private static Metrics.Figure figure(List<Metrics.Figure> figures, String key) {
        return figures.stream().filter(f -> f.metric().key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    private static ThreadPool pool(String name, Duration meanWait) {
        return new ThreadPool(name, "java.util.concurrent.ThreadPoolExecutor", new ThreadPool.Origin("com.acme.Orders.<init>(Orders.java:5)", List.of()),
                new ThreadPool.Sizes(4, 8, 8, 8, 8), new ThreadPool.Queue(120, 100, -1), new ThreadPool.Throughput(500, 480, 0, "AbortPolicy", null, null),
                new ThreadPool.TaskTimes(10, meanWait.multipliedBy(10), meanWait, List.of()), Duration.ZERO,
                new ThreadPool.TaskTimes(10, Duration.ofMillis(100), Duration.ofMillis(20), List.of()), false);
    }
}
