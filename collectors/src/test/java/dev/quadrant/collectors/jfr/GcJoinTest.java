package dev.quadrant.collectors.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcJoinTest {
    private final GcJoin join = new GcJoin();
    private final WindowBuilder window = new WindowBuilder(1, Instant.EPOCH);

    private Window build() { return window.build(Instant.EPOCH.plusSeconds(10), List.of()); }

    @Test void bothHalvesInEitherOrderMakeOneCollectionWithItsHeapAfter() {
        join.heapAfter(7, 100L << 20, window);
        join.collection(7, "G1Old", "G1 Periodic Collection", Duration.ofMillis(3), Duration.ofMillis(2), window);
        join.collection(8, "G1New", "G1 Evacuation Pause", Duration.ofMillis(5), Duration.ofMillis(5), window);
        join.heapAfter(8, 120L << 20, window);
        Window w = build();
        assertThat(w.memory().gc().collections()).isEqualTo(2);
        assertThat(w.memory().gc().oldCollections()).isEqualTo(1);
        assertThat(w.jvm().heapAfterOldGcBytes()).isEqualTo(100L << 20);
        assertThat(w.jvm().heapAfterGcBytes()).isEqualTo(100L << 20);
    }

    @Test void aCollectionWhoseSummaryNeverComesIsPassedOnWithoutHeap() {
        join.collection(1, "ParallelOld", "Ergonomics", Duration.ofMillis(300), Duration.ofMillis(300), window);
        for (int id = 2; id < 2 + GcJoin.MAX_PENDING + 1; id++) join.heapAfter(id, 1, window);  // summaries without collections
        Window w = build();
        assertThat(w.memory().gc().collections()).isEqualTo(1);
        assertThat(w.memory().gc().longestCollector()).isEqualTo("ParallelOld");
        assertThat(w.memory().gc().fullCollections()).isEqualTo(1);
    }
}
