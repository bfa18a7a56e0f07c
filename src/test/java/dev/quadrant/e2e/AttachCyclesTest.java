package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.tools.attach.VirtualMachine;
import dev.quadrant.e2e.scenarios.HealthyService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attach, run, stop, many times over in one JVM (as an operator investigating on and off does): after each stop the
 * weaving is gone, the recordings are closed and the agent's threads have ended, and over the rounds the JVM's
 * threads, loaded classes and heap stay where the first round left them. CI runs {@value #CI_ROUNDS} rounds; the
 * benchmark script runs 50 ({@code -Dquadrant.attachRounds=50}) and docs/host-safety.md has its figures.
 */
@Tag("e2e")
class AttachCyclesTest {
    static final int CI_ROUNDS = 12;
    static final int ROUNDS = Integer.getInteger("quadrant.attachRounds", CI_ROUNDS);
    static final int BASE_ROUND = 4;  // the first rounds load the agent's classes for good, and the jcmd and JMX code
    static final long HEAP_SLACK_BYTES = 4L << 20;   // what young garbage and JIT metadata move between two full GCs
    /*
     * Every retransformation leaves the previous version of a woven class in metaspace for as long as a thread runs one
     * of its methods (every thread runs Thread.run, every pool worker ThreadPoolExecutor.runWorker), and the first
     * rounds still inflate reflection and method-handle code on the attach and JMX paths: classes and metaspace creep by
     * a few classes and a fraction of a MiB a round (measured: +67 to +150 classes over rounds 4-12, +99 over 4-28;
     * metaspace +1.7 MiB over 4-12, +3.3 over 4-28). The bounds grow with the rounds; a leak of the agent itself is what
     * one attach loads, about 3,300 classes and 20 MiB, every round, far past them.
     */
    static final int CLASS_SLACK = 60, CLASS_SLACK_PER_ROUND = 25;
    static final long METASPACE_SLACK_BYTES = 2L << 20, METASPACE_SLACK_PER_ROUND_BYTES = 150L << 10;
    private static final java.util.regex.Pattern CLASSES = java.util.regex.Pattern.compile("Total Usage - \\d+ loaders, (\\d+) classes");

    record Figures(int threads, long classes, long heapBytes, long metaspaceBytes, List<String> threadNames) {}

    @Test void attachAndStopOverAndOverLeavesNothingBehind() throws Exception {
        try (TargetJvm app = new TargetJvm.Launch(HealthyService.class).args("600").start()) {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
                MBeanServerConnection beans = jmx.getMBeanServerConnection();
                Path out = app.runDir().resolve("reports");
                Figures first = null;
                long started = System.nanoTime();
                for (int round = 1; round <= ROUNDS; round++) {
                    round(vm, app, out, round);
                    assertThat(AttachTest.agentThreads(app.pid())).as("agent threads after round " + round).isZero();
                    assertThat(Cli.jcmd(AttachTest.JDK17, Long.toString(app.pid()), "JFR.check").out()).as("round " + round)
                            .contains("No available recordings");
                    // figures are read at the base round and at the end only: reading them through JMX loads classes in the target
                    if (round == BASE_ROUND) first = figures(beans, app.pid());
                    if (round == ROUNDS) {
                        Figures now = figures(beans, app.pid());
                        System.out.printf("%d attach/stop rounds in %.1f s, round " + BASE_ROUND + " -> %d: threads %d -> %d, classes %d -> %d,"
                                        + " heap after GC %.1f -> %.1f MiB, metaspace %.1f -> %.1f MiB%n",
                                ROUNDS, (System.nanoTime() - started) / 1e9, ROUNDS, first.threads(), now.threads(), first.classes(), now.classes(),
                                first.heapBytes() / 1048576.0, now.heapBytes() / 1048576.0, first.metaspaceBytes() / 1048576.0, now.metaspaceBytes() / 1048576.0);
                        assertThat(now.threads()).as(now.threadNames() + " vs " + first.threadNames()).isLessThanOrEqualTo(first.threads());
                        int rounds = ROUNDS - BASE_ROUND;
                        assertThat(now.classes()).isLessThanOrEqualTo(first.classes() + CLASS_SLACK + (long) CLASS_SLACK_PER_ROUND * rounds);
                        assertThat(now.heapBytes()).isLessThanOrEqualTo(first.heapBytes() + HEAP_SLACK_BYTES);
                        assertThat(now.metaspaceBytes()).isLessThanOrEqualTo(first.metaspaceBytes() + METASPACE_SLACK_BYTES + METASPACE_SLACK_PER_ROUND_BYTES * rounds);
                        assertThat(now.threadNames()).noneMatch(n -> n.startsWith("quadrant-"));
                    }
                }
                assertThat(Files.readString(out.resolve("quadrant.log"))).containsPattern("Instrumentation removed: [3-9] classes retransformed");
            } finally {
                vm.detach();
            }
            Host.assertUnharmed(app);
        }
    }

    /** One attach: until its weaving is in place and a report is out; then stop, which returns once the agent has left. */
    private static void round(VirtualMachine vm, TargetJvm app, Path out, int round) throws Exception {
        vm.loadAgent(TargetJvm.AGENT_JAR.toString(), "out=" + out + ",interval=500ms");
        await().atMost(Duration.ofSeconds(30)).alias("round " + round + ": " + app.describe())
                .until(() -> occurrences(out.resolve("quadrant.log"), "Woven ") >= round && Files.exists(out.resolve("latest.json")));
        vm.loadAgent(TargetJvm.AGENT_JAR.toString(), "stop");
        assertThat(vm.getSystemProperties().getProperty("quadrant.agent")).as("round " + round + " stopped").isNull();
    }

    private static long occurrences(Path file, String text) throws java.io.IOException {
        if (!Files.exists(file)) return 0;
        return Files.readString(file).lines().filter(l -> l.contains(text)).count();
    }

    /**
     * Classes from the JVM's own metaspace count: the class-loading bean counts every retransformation of the woven
     * classes as a class loaded, and none as unloaded.
     */
    private static Figures figures(MBeanServerConnection beans, long pid) throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        memory.gc();
        memory.gc();
        // the management agent's own RMI and JMX threads come and go with the connection: not the agent's doing
        List<String> names = Arrays.stream(threads.dumpAllThreads(false, false)).map(ThreadInfo::getThreadName)
                .filter(n -> !n.startsWith("RMI ") && !n.startsWith("JMX ") && !n.equals("Attach Listener")).sorted().toList();
        String metaspace = Cli.jcmd(AttachTest.JDK17, Long.toString(pid), "VM.metaspace").out();
        java.util.regex.Matcher m = CLASSES.matcher(metaspace);
        assertThat(m.find()).as(metaspace).isTrue();
        long metaspaceUsed = ManagementFactory.getPlatformMXBeans(beans, java.lang.management.MemoryPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
        return new Figures(names.size(), Long.parseLong(m.group(1)), memory.getHeapMemoryUsage().getUsed(), metaspaceUsed, names);
    }
}
