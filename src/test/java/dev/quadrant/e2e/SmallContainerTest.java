package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.SmallServiceApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/**
 * A short-lived job in a small container (-Xmx32m, one CPU): what the agent takes of it (retained heap, CPU, time to
 * main) stays within the figures docs/host-safety.md publishes. The bounds here are looser, for a loaded CI machine;
 * the figures themselves come from the benchmark script.
 */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class SmallContainerTest {
    static final String[] CONTAINER = {"-Xmx32m", "-XX:ActiveProcessorCount=1"};
    static final double MAX_EXTRA_HEAP_MIB = 12;
    static final double MAX_EXTRA_CPU_SECONDS = 6;
    static final long MAX_EXTRA_START_MILLIS = 600;

    record Measured(long mainAtMillis, double cpuSeconds, double heapMiB) {}

    @Test void aShortJobInASmallContainerPaysWhatIsPublished() throws Exception {
        Path none = Files.createTempFile(TargetJvm.RUNS, "small-none", ".txt"), with = Files.createTempFile(TargetJvm.RUNS, "small-with", ".txt");
        Host.Outcome without = Host.run(new TargetJvm.Launch(SmallServiceApp.class).jvmArgs(CONTAINER).args("5000", none.toString()));
        Host.Outcome agent = Host.run(new TargetJvm.Launch(SmallServiceApp.class).jvmArgs(CONTAINER).args("5000", with.toString()).agent(""));
        Host.assertSameAsWithout(without, agent);
        assertThat(Host.agentErrors(agent.jvm())).isZero();
        assertThat(agent.jvm().reports()).as("the final report of a job shorter than the interval").hasSize(1);
        Measured a = read(none), b = read(with);
        System.out.printf("small container (-Xmx32m, 1 CPU, 5 s job): heap after GC %.1f -> %.1f MiB, CPU %.2f -> %.2f s, main at %d -> %d ms%n",
                a.heapMiB(), b.heapMiB(), a.cpuSeconds(), b.cpuSeconds(), a.mainAtMillis(), b.mainAtMillis());
        assertThat(b.heapMiB() - a.heapMiB()).as("the agent's retained heap").isLessThan(MAX_EXTRA_HEAP_MIB);
        assertThat(b.cpuSeconds() - a.cpuSeconds()).as("the agent's CPU").isLessThan(MAX_EXTRA_CPU_SECONDS);
        assertThat(b.mainAtMillis() - a.mainAtMillis()).as("time to main").isLessThan(MAX_EXTRA_START_MILLIS);
    }

    private static Measured read(Path file) throws Exception {
        String[] f = Files.readString(file).strip().split(" ");
        return new Measured(Long.parseLong(f[0]), Long.parseLong(f[1]) / 1e9, Long.parseLong(f[2]) / 1048576.0);
    }
}
