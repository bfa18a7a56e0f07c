package dev.quadrant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quadrant.e2e.scenarios.ManyThreadsApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

/**
 * 5,000 parked threads and 500 parked 400 frames deep: the agent's thread dumps stop the JVM for a bounded share of
 * the time (the JVM's own safepoint log says how long, not the agent), it backs off and says so in each report, and
 * when all the threads exit at once the JVM still exits by itself (on JDK 17 a bulk thread look-up over thousands of
 * exiting threads once stalled it for good).
 */
@Tag("e2e")
@Isolated  // needs the machine to itself: see junit-platform.properties
class ManyThreadsTest {
    static final double MAX_SAFEPOINT_SHARE = 0.02;  // the design's 1% (100 times a dump's cost between dumps), with room for the JVM's own jitter
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[([0-9.]+)s\\].*Safepoint \"(ThreadDump|FindDeadlocks)\".*At safepoint: (\\d+) ns", Pattern.MULTILINE);
    private static final Pattern UPTIME = Pattern.compile("(parked|releasing) at uptime (\\d+)");

    @Test void threadDumpsOfThousandsOfThreadsStayABoundedShareOfTheTime() throws Exception {
        Host.Outcome without = Host.run(new TargetJvm.Launch(ManyThreadsApp.class).args("1"));
        Path log = Files.createTempFile(TargetJvm.RUNS, "safepoints", ".txt");
        Host.Outcome with = Host.run(new TargetJvm.Launch(ManyThreadsApp.class).args("10").agent("interval=2s")
                .jvmArgs("-Xlog:safepoint=info:file=" + log));
        Host.assertSameAsWithout(without, with);
        assertThat(Host.agentErrors(with.jvm())).isZero();

        Matcher uptime = UPTIME.matcher(with.jvm().stderr());
        assertThat(uptime.find()).isTrue();
        double parked = Long.parseLong(uptime.group(2)) / 1000.0;
        assertThat(uptime.find()).isTrue();
        double released = Long.parseLong(uptime.group(2)) / 1000.0;
        double stopped = 0;
        int dumps = 0;
        for (Matcher m = SAFEPOINT.matcher(Files.readString(log)); m.find(); ) {
            double at = Double.parseDouble(m.group(1));
            if (at < parked || at > released) continue;
            stopped += Long.parseLong(m.group(3)) / 1e9;
            dumps++;
        }
        double share = stopped / (released - parked);
        System.out.printf("5,500 threads: %d agent safepoints (thread dumps, deadlock checks) in %.1f s, %.0f ms at safepoint, %.2f%% of the time%n",
                dumps, released - parked, stopped * 1000, share * 100);
        assertThat(dumps).as("thread dumps were taken").isPositive();
        assertThat(share).as("share of the time at the agent's safepoints").isLessThan(MAX_SAFEPOINT_SHARE);
        List<JsonNode> reports = with.jvm().reports();
        assertThat(reports.subList(2, reports.size() - 1)).as("each report says the sampling backed off")
                .allMatch(r -> r.at("/agent/threadSampling/backedOff").asBoolean() && r.at("/agent/threadSampling/periodMs").asLong() > 1000);
    }
}
