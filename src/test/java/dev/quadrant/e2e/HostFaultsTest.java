package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.BusyPoolApp;
import dev.quadrant.e2e.scenarios.OutOfMemoryApp;
import dev.quadrant.e2e.scenarios.WovenPathsApp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures inside the agent never change what the host's code does. */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class HostFaultsTest {
    private static final AtomicReference<Host.Outcome> WOVEN_WITHOUT = new AtomicReference<>();

    private static TargetJvm.Launch woven() { return new TargetJvm.Launch(WovenPathsApp.class).args("12"); }

    private static Host.Outcome wovenWithout() throws Exception {
        if (WOVEN_WITHOUT.get() == null) WOVEN_WITHOUT.set(Host.run(woven()));
        return WOVEN_WITHOUT.get();
    }

    /** Pools, locks, thread starts, file streams, channels and look-ups give the same results with the agent as without. */
    @Test void wovenPathsBehaveAsWithoutTheAgent() throws Exception {
        Host.Outcome with = Host.run(woven().agent("interval=1s"));
        Host.assertSameAsWithout(wovenWithout(), with);
        assertThat(Host.agentErrors(with.jvm())).as(Host.log(with.jvm())).isZero();
        assertThat(with.jvm().reports()).as("the pools were seen: the weaving was in place")
                .anyMatch(r -> r.at("/metrics/THREADS/pools").size() > 0);
    }

    /**
     * A pool created by main and busy from its first second keeps its loop compiled. Its class is woven as it loads
     * (the gate holds the load until the weaving is ready); retransformed under a running worker instead, the loop
     * stayed in the old method for the worker's life, which HotSpot never compiles: a fifth of a small service's
     * throughput, measured.
     */
    @Test void aPoolBusyFromMainKeepsItsLoopCompiled() throws Exception {
        Host.Outcome with = Host.run(new TargetJvm.Launch(BusyPoolApp.class).args("8").jvmArgs("-XX:+PrintCompilation").agent("interval=1s"));
        assertThat(with.exitCode()).isZero();
        assertThat(with.stdout()).contains("tasks ran", "done");
        Host.assertUnharmed(with.jvm());
        assertThat(Host.log(with.jvm())).contains("the application's pool classes waited");
        assertThat(liveCompilations(with.stdout(), "java.util.concurrent.ThreadPoolExecutor::runWorker"))
                .as("compiled runWorker code still in use at the end").isNotEmpty();
        assertThat(with.jvm().reports()).as("and the pool was seen").anyMatch(r -> r.at("/metrics/THREADS/pools").size() > 0);
    }

    /** Compile ids of {@code method} in -XX:+PrintCompilation output that were never made not entrant. */
    static Set<String> liveCompilations(String printCompilation, String method) {
        Set<String> live = new HashSet<>();
        for (String line : printCompilation.lines().filter(l -> l.contains(method + " ")).toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 2) continue;
            if (line.contains("made not entrant") || line.contains("made zombie")) live.remove(columns[1]);
            else live.add(columns[1]);
        }
        return live;
    }

    /**
     * The agent's own file work (its reports, its log, JFR's chunks and its parser) with a small default stack: nothing
     * recurses through the file hooks, nothing overflows, and none of it counts as the application's I/O.
     */
    @Test void theAgentsOwnIoIsNeverTheApplicationsAndNeverRecurses() throws Exception {
        Host.Outcome with = Host.run(woven().agent("interval=500ms").jvmArgs("-Xss256k"));
        Host.assertSameAsWithout(wovenWithout(), with);
        assertThat(Host.agentErrors(with.jvm())).isZero();
        String log = Host.log(with.jvm());
        assertThat(log).doesNotContain("StackOverflowError").contains("Woven");
        List<JsonNode> reports = with.jvm().reports();
        assertThat(reports).hasSizeGreaterThan(5);
        for (JsonNode r : reports) {
            String io = r.at("/findings").toString() + r.at("/metrics/IO");
            assertThat(io).as("report " + r.get("sequence")).doesNotContain(with.jvm().out.toString()).doesNotContain("quadrant.log")
                    .doesNotContainPattern("/tmp/\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d+")  // JFR's repository
                    .doesNotContain("dev.quadrant.reports").doesNotContain("dev.quadrant.agent");
        }
        assertThat(reports).as("the application's own tiny writes are seen").anyMatch(r -> r.toString().contains("io.unbuffered-file"));
    }

    /**
     * A 32 MiB service whose cache outgrows the heap twice and recovers: the agent sees the heap running out (over 90%
     * after GC and rising), stops allocating (no stream, no reports, no class-load hook) before the service runs out,
     * says so in the next report and resumes; none of its work is ever what gets the OutOfMemoryError, and nothing of
     * the agent's reaches the host's stderr.
     */
    @Test void aHostThatRunsOutOfMemoryAndRecovers() throws Exception {
        Host.Outcome none = Host.run(new TargetJvm.Launch(OutOfMemoryApp.class).args("recover", "0").jvmArgs("-Xmx32m", "-XX:+UseG1GC"));
        Host.Outcome with = Host.run(new TargetJvm.Launch(OutOfMemoryApp.class).args("recover", "12000").jvmArgs("-Xmx32m", "-XX:+UseG1GC")
                .agent("interval=1s"));
        Host.assertSameAsWithout(none, with);
        assertThat(none.stdout()).contains("cycle 2: the cache ran out of heap");
        String log = Host.log(with.jvm());
        // JDK 17's condition wait allocates: an idle agent thread can be the one the exhausted heap's error reaches
        assertThat(log.lines().filter(l -> l.contains("OutOfMemoryError"))).as("no agent work ran out of memory")
                .allMatch(l -> l.contains("OutOfMemoryError: Java heap space outside its work, while it waited"));
        assertThat(log).contains("JFR streaming paused");
        assertThat(Host.agentErrors(with.jvm())).isZero();
        List<JsonNode> reports = with.jvm().reports();
        int shed = indexOf(reports, r -> r.at("/agent/shedding/skipped").toString().contains("reports (held while the heap runs out"));
        assertThat(shed).as("a report says what was shed, and why").isNotNegative();
        assertThat(reports.get(shed).at("/agent/shedding/reason").asText()).startsWith("heap").contains("running out");
        assertThat(reports.get(shed).at("/agent/notes").toString()).contains("Reports were held back");
        assertThat(reports.subList(shed, reports.size())).as("the agent resumed once the heap had room")
                .anyMatch(r -> r.at("/agent/shedding").isMissingNode());
        assertThat(log).contains("JFR streaming resumed");
    }

    /**
     * -XX:+ExitOnOutOfMemoryError ends the JVM at the first OutOfMemoryError of any thread: with the heap held 96% full
     * for seconds, the JVM still ends exactly where the service itself runs out, as without the agent.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hold", "recover"})
    void exitOnOutOfMemoryErrorEndsWhereTheServiceRunsOut(String mode) throws Exception {
        String[] jvm = {"-Xmx32m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"};
        Host.Outcome none = Host.run(new TargetJvm.Launch(OutOfMemoryApp.class).args(mode, "1000").jvmArgs(jvm));
        Host.Outcome with = Host.run(new TargetJvm.Launch(OutOfMemoryApp.class).args(mode, "1000").jvmArgs(jvm).agent("interval=500ms"));
        Host.assertSameAsWithout(none, with);
        assertThat(none.exitCode()).isEqualTo(3);
        if (mode.equals("hold")) assertThat(with.stdout()).contains("asking for one large report");
        assertThat(Host.log(with.jvm())).doesNotContain("OutOfMemoryError");
    }

    private static int indexOf(List<JsonNode> reports, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < reports.size(); i++) if (p.test(reports.get(i))) return i;
        return -1;
    }

    /** Every hook throws (the test switch): the woven JDK code still does exactly what it does without the agent. */
    @ParameterizedTest
    @ValueSource(strings = {"runtime", "stackoverflow", "oom"})
    void hooksThatThrowChangeNothing(String failure) throws Exception {
        Host.Outcome with = Host.run(woven().agent("interval=1s").jvmArgs("-Dquadrant.test.failingHooks=" + failure));
        Host.assertSameAsWithout(wovenWithout(), with);
        assertThat(Host.agentErrors(with.jvm())).as("the failures were counted").isPositive();
        assertThat(Host.log(with.jvm())).contains("instrumentation advice failed").contains("test: failing hook");
    }
}
