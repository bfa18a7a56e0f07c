package dev.quadrant.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.AgentStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThreadDumpCostTest {
    @Test void aWindowsDumpsAreSummedAndTheBackOffIsSaid() {
        ThreadDumpCost cost = new ThreadDumpCost();
        cost.dumped(2_000_000);
        cost.dumped(30_000_000);
        long base = Duration.ofSeconds(1).toNanos();
        cost.period(Pipeline.nextThreadPoll(Duration.ofSeconds(60), 30_000_000));
        AgentStats.ThreadSampling t = cost.takeWindow(base);
        assertThat(t.dumps()).isEqualTo(2);
        assertThat(t.dumpMs()).isEqualTo(32.0);
        assertThat(t.longestDumpMs()).isEqualTo(30.0);
        assertThat(t.periodMs()).as("100 times the last dump").isEqualTo(3_000);
        assertThat(t.backedOff()).isTrue();
        assertThat(cost.takeWindow(base).dumps()).isZero();
    }
}
