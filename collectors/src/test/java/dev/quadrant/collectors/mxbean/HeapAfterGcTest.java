package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapAfterGcTest {
    /** The beans of G1 (JDK 17 and 20+), Parallel, Serial, ZGC (JDK 17 and generational) and Shenandoah. */
    @Test void onlyBeansThatReclaimCount() {
        assertThat(List.of("G1 Young Generation", "G1 Old Generation", "PS Scavenge", "PS MarkSweep", "Copy", "MarkSweepCompact",
                "ZGC Cycles", "ZGC Minor Cycles", "ZGC Major Cycles", "Shenandoah Cycles")).allMatch(HeapAfterGc::reclaims);
        assertThat(List.of("G1 Concurrent GC", "ZGC Pauses", "ZGC Minor Pauses", "ZGC Major Pauses", "Shenandoah Pauses")).noneMatch(HeapAfterGc::reclaims);
    }

    @Test void onlyOldGenerationBeansCollectEverything() {
        assertThat(List.of("G1 Old Generation", "PS MarkSweep", "MarkSweepCompact")).allMatch(HeapAfterGc::collectsEverything);
        assertThat(List.of("G1 Young Generation", "PS Scavenge", "Copy", "ZGC Cycles", "ZGC Major Cycles", "Shenandoah Cycles"))
                .noneMatch(HeapAfterGc::collectsEverything);
    }

    @Test void occupancyIsUnknownWithoutAMaximumOrAReading() {
        assertThat(HeapAfterGc.occupancy(10, 0)).isEqualTo(-1);
        assertThat(HeapAfterGc.occupancy(-1, 100)).isEqualTo(-1);
        assertThat(HeapAfterGc.occupancy(50, 100)).isEqualTo(0.5);
    }
}
