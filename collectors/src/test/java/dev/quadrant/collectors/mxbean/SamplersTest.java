package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.JvmSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {
    /** Bean names of JDK 17-25's collectors: only the ones that count stop-the-world pauses stand in for JFR's pauses. */
    @Test void pauseBeansAreTheCollectorsStopTheWorldOnes() {
        for (String pauses : List.of("G1 Young Generation", "G1 Old Generation", "Copy", "MarkSweepCompact", "PS Scavenge", "PS MarkSweep",
                "ZGC Pauses", "ZGC Minor Pauses", "ZGC Major Pauses", "Shenandoah Pauses")) {
            assertThat(GcSampler.countsPausesOnly(pauses)).as(pauses).isTrue();
        }
        for (String concurrent : List.of("ZGC Cycles", "ZGC Minor Cycles", "ZGC Major Cycles", "Shenandoah Cycles", "G1 Concurrent GC")) {
            assertThat(GcSampler.countsPausesOnly(concurrent)).as(concurrent).isFalse();
        }
    }

    @Test void deltaHandlesFirstSampleResetAndUnknown() {
        assertThat(Sampler.delta(100, 150)).isEqualTo(50);
        assertThat(Sampler.delta(-1, 150)).isEqualTo(150);
        assertThat(Sampler.delta(200, 150)).isEqualTo(150);
        assertThat(Sampler.delta(100, -1)).isEqualTo(-1);
    }

    @Test void everySamplerFillsItsFiguresOnThisJvm() {
        List<Sampler> samplers = List.of(new HeapSampler(), new GcSampler(), new ThreadCountSampler(), new CpuSampler(),
                new FileDescriptorSampler(), new BufferPoolSampler(), new ClassLoadingSampler(), new AllocatedBytesSampler());
        JvmSample.Builder first = new JvmSample.Builder();
        samplers.forEach(s -> s.sample(first));
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) garbage[i] = new byte[16 * 1024];
        JvmSample.Builder second = new JvmSample.Builder();
        samplers.forEach(s -> s.sample(second));
        JvmSample j = second.build(Instant.now());

        assertThat(j.heapUsedBytes()).isPositive();
        assertThat(j.heapMaxBytes()).isPositive();
        assertThat(j.threadCount()).isPositive();
        assertThat(j.processCpuNanos()).isNotNegative();
        assertThat(j.availableProcessors()).isPositive();
        assertThat(j.openFileDescriptors()).isPositive();
        assertThat(j.maxFileDescriptors()).isGreaterThanOrEqualTo(j.openFileDescriptors());
        assertThat(j.loadedClasses()).isPositive();
        assertThat(j.allocatedBytes()).isGreaterThanOrEqualTo(garbage.length * 16 * 1024L);
        assertThat(j.directBufferBytes()).isNotNegative();
    }
}
