package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.e2e.scenarios.ExitPathsApp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The host exits as fast with the agent as without it, within the agent's 2 s exit deadline, on every path a JVM
 * ends by, whatever the agent is doing then: a tick, a report being written to a disk that hangs, a heap leak being
 * confirmed (the old-object recordings that once hung the JVM's exit for good).
 */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class ExitTest {
    static final long DEADLINE_MS = 2_000;   // Quadrant.EXIT_DEADLINE
    static final long SLACK_MS = 1_000;      // a loaded 2-core machine: the JVM's own teardown varies by this much
    static final String WORK_MS = "3000";
    private static final Map<String, Host.Outcome> WITHOUT = new ConcurrentHashMap<>();

    private static Host.Outcome without(String mode) throws Exception {
        Host.Outcome o = WITHOUT.get(mode);
        if (o == null) WITHOUT.put(mode, o = Host.run(launch(mode, WORK_MS), during(mode)));
        return o;
    }

    private static TargetJvm.Launch launch(String... args) { return new TargetJvm.Launch(ExitPathsApp.class).args(args).jvmArgs("-Xmx256m"); }

    /** SIGTERM is sent once the application says it is ready; the exit is timed from then. */
    private static Host.During during(String mode) {
        if (!mode.equals("sigterm")) return null;
        return jvm -> {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jvm.stdout().contains("ready for SIGTERM"));
            long sent = System.currentTimeMillis();
            jvm.terminate();
            return sent;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit", "pool-exit", "hook-exit", "return", "sigterm", "halt"})
    void exitsAsFastAsWithoutTheAgent(String mode) throws Exception {
        Host.Outcome none = without(mode);
        Host.Outcome with = Host.run(launch(mode, WORK_MS).agent("interval=500ms"), during(mode));
        Host.assertSameAsWithout(none, with);
        assertThat(none.exitMillis()).as("exit time measured").isNotNegative();
        assertThat(with.exitMillis()).as("exit with the agent vs " + none.exitMillis() + " ms without; " + with.jvm().describe())
                .isLessThanOrEqualTo(none.exitMillis() + DEADLINE_MS + SLACK_MS);
        Host.assertNoHalfFiles(with.jvm());
        assertThat(Host.agentErrors(with.jvm())).isZero();
        if (!mode.equals("halt")) assertThat(Host.log(with.jvm())).as("final report").contains("writing the final report");
    }

    /** The original defect: main returns while the agent confirms a leak with JFR's old-object samples; JFR is gone by then. */
    @Test void exitsWhileALeakIsBeingConfirmed() throws Exception {
        Host.Outcome none = without("return");
        Host.Outcome with = Host.run(launch("return", "26000", "leak").jvmArgs("-Xmx600m").agent("interval=500ms"));
        assertThat(with.exitCode()).as(with.jvm().describe()).isZero();
        Host.assertUnharmed(with.jvm());
        assertThat(with.jvm().reports()).as("the leak was being confirmed when main returned")
                .anyMatch(r -> r.get("findings").toString().contains("memory.heap-leak"));
        assertThat(with.exitMillis()).as(with.jvm().describe()).isLessThanOrEqualTo(none.exitMillis() + DEADLINE_MS + SLACK_MS);
        Host.assertNoHalfFiles(with.jvm());
    }

    /** A report stuck on a hung disk when the JVM exits: the agent gives up at its deadline and says so in one log line. */
    @Test void givesUpOnAReportStuckOnAHungDisk() throws Exception {
        Host.Outcome none = without("exit");
        Host.Outcome with = Host.run(launch("exit", "2500").agent("interval=1s").jvmArgs("-Dquadrant.test.stallWritesMs=4000"));
        Host.assertSameAsWithout(none, with);
        assertThat(with.exitMillis()).as(with.jvm().describe()).isLessThanOrEqualTo(none.exitMillis() + DEADLINE_MS + SLACK_MS);
        assertThat(Host.log(with.jvm())).contains("Stopping (JVM exit) gave up after 2000 ms (writing report");
        Host.assertNoHalfFiles(with.jvm());
    }
}
