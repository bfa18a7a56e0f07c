package dev.quadrant.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentThreadsTest {

    @Test void whatEscapesAnAgentThreadIsCountedAndNeverPrintedOnTheHostsStderr() throws Exception {
        Faults faults = new Faults();
        String stderr = stderrOf(() -> {
            Thread t = AgentThreads.create("test", () -> { throw new IllegalStateException("broken"); }, true, faults);
            t.start();
            join(t);
        });
        assertThat(stderr).isEmpty();
        assertThat(faults.count()).isEqualTo(1);
    }

    @Test void theHeapsExhaustionReachingAnIdleAgentThreadIsNotTheAgentsFault() throws Exception {
        Faults faults = new Faults();
        String stderr = stderrOf(() -> {
            Thread t = AgentThreads.create("test", () -> { throw new OutOfMemoryError("Java heap space"); }, true, faults);
            t.start();
            join(t);
        });
        assertThat(stderr).isEmpty();
        assertThat(faults.count()).isZero();
    }

    /** A scheduler whose worker dies outside its tasks gets a new worker: its periodic work goes on. */
    @Test void aSchedulersWorkerThatDiesIsReplaced() throws Exception {
        Faults faults = new Faults();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> AgentThreads.create("test", r, true, faults));
        try {
            CountDownLatch runs = new CountDownLatch(3);
            // an Error thrown by a plain Runnable, not by a scheduled task (whose future keeps it), ends the one worker
            scheduler.execute(() -> { throw new OutOfMemoryError("Java heap space"); });
            scheduler.scheduleWithFixedDelay(runs::countDown, 0, 10, TimeUnit.MILLISECONDS);
            assertThat(runs.await(10, TimeUnit.SECONDS)).as("the periodic work ran on a new worker").isTrue();
            assertThat(faults.count()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private interface Work { void run() throws Exception; }

    private static String stderrOf(Work work) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString();
    }

    private static void join(Thread t) throws InterruptedException {
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
    }
}
