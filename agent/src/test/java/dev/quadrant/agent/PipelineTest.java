package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineTest {
    @Test void threadDumpsBackOffWhenTheyGetExpensive() {
        long ms = 1_000_000;
        assertThat(Pipeline.nextThreadPoll(Duration.ofSeconds(60), 2 * ms)).isEqualTo(1000 * ms);    // cheap dump: every second
        assertThat(Pipeline.nextThreadPoll(Duration.ofSeconds(60), 40 * ms)).isEqualTo(4000 * ms);   // 40 ms dump (thousands of threads): every 4 s
        assertThat(Pipeline.nextThreadPoll(Duration.ofMillis(500), 1 * ms)).isEqualTo(500 * ms);     // short windows sample faster
    }
}
