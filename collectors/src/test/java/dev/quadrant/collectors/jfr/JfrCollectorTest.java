package dev.quadrant.collectors.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quadrant.collectors.Faults;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.MonitorContention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JfrCollectorTest {
    private final AtomicReference<WindowBuilder> current = new AtomicReference<>(new WindowBuilder(1, Instant.now()));
    private final Faults faults = new Faults();
    private final AtomicInteger monitorEvents = new AtomicInteger();
    private final JfrHandler countingMonitorHandler = new Delegate(new JavaMonitorEnterHandler()) {
        @Override public void accept(RecordedEvent e, WindowBuilder window) {
            super.accept(e, window);
            monitorEvents.incrementAndGet();
        }
    };
    private final JfrCollector collector = new JfrCollector(List.of(countingMonitorHandler, new ExecutionSampleHandler(), new GarbageCollectionHandler(new GcJoin())), current::get, faults);

    /** Forwards to a real handler, so a test can watch or break it. */
    static class Delegate implements JfrHandler {
        private final JfrHandler target;
        Delegate(JfrHandler target) { this.target = target; }
        @Override public String event() { return target.event(); }
        @Override public void configure(EventSettings s) { target.configure(s); }
        @Override public void accept(RecordedEvent e, WindowBuilder window) { target.accept(e, window); }
    }

    @AfterEach void close() { collector.close(); }

    @Test void realMonitorContentionArrivesWithWaiterOwnerAndStack() throws Exception {
        collector.start();
        assertThat(collector.awaitRunning(Duration.ofSeconds(20))).isTrue();
        assertThat(collector.enabledEvents()).contains("jdk.JavaMonitorEnter", "jdk.ExecutionSample", "jdk.GarbageCollection");
        Object lock = new Object();
        CountDownLatch held = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                sleep(200);
            }
        }, "test-owner");
        owner.start();
        held.await();
        Thread waiter = new Thread(() -> { synchronized (lock) { lock.hashCode(); } }, "test-waiter");
        waiter.start();
        waiter.join();
        owner.join();

        await().atMost(Duration.ofSeconds(20)).until(() -> monitorEvents.get() > 0);
        MonitorContention c = current.get().build(Instant.now(), List.of()).threads().monitors().get(0);
        assertThat(c.monitorClass()).isEqualTo("java.lang.Object");
        assertThat(c.longestWaiter()).isEqualTo("test-waiter");
        assertThat(c.owner()).isEqualTo("test-owner");
        assertThat(c.longest()).isGreaterThan(Duration.ofMillis(100));
        assertThat(c.stack().get(0)).contains("JfrCollectorTest");
        assertThat(faults.count()).isZero();
    }

    @Test void cachedStacksStayTrueToEachSample() throws Exception {
        collector.start();
        assertThat(collector.awaitRunning(Duration.ofSeconds(20))).isTrue();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread a = new Thread(() -> { while (!stop.get()) spinAlpha(); }, "spin-alpha");
        Thread b = new Thread(() -> { while (!stop.get()) spinBeta(); }, "spin-beta");
        a.start();
        b.start();
        try {
            Thread.sleep(3000);
        } finally {
            stop.set(true);
            a.join();
            b.join();
        }
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofSeconds(2)).until(() -> true);
        dev.quadrant.core.Window w = current.get().build(Instant.now(), List.of());
        // every method's heaviest stack starts with that very method: no sample got another stack from the cache
        assertThat(w.cpu().jfr().topMethods()).isNotEmpty().allSatisfy(m -> assertThat(m.hottestStack().get(0)).startsWith(m.method() + "("));
        assertThat(w.cpu().jfr().topMethods()).extracting(m -> m.method()).anyMatch(n -> n.endsWith("spinAlpha")).anyMatch(n -> n.endsWith("spinBeta"));
    }

    static volatile double sink;

    static void spinAlpha() {
        double x = 0;
        for (int i = 0; i < 100_000; i++) x += Math.sqrt(i);
        sink = x;
    }

    static void spinBeta() {
        double x = 1;
        for (int i = 1; i < 100_000; i++) x += Math.log(i);
        sink = x;
    }

    @Test void aFailingHandlerIsCountedAndTheStreamGoesOn() throws Exception {
        JfrHandler broken = new Delegate(new GarbageCollectionHandler(new GcJoin())) {
            @Override public void accept(RecordedEvent e, WindowBuilder window) { throw new IllegalStateException("broken"); }
        };
        try (JfrCollector c = new JfrCollector(List.of(broken, new JavaMonitorEnterHandler()), current::get, faults)) {
            c.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> { System.gc(); return faults.count() > 0; });
            assertThat(current.get().droppedSoFar()).isPositive();
        }
    }

    @Test void eventsThisJvmLacksAreSkipped() {
        JfrHandler unknown = new Delegate(new GarbageCollectionHandler(new GcJoin())) {
            @Override public String event() { return "jdk.NoSuchEvent"; }
        };
        try (JfrCollector c = new JfrCollector(List.of(unknown), current::get, faults)) {
            c.start();
            assertThat(c.missingEvents()).containsExactly("jdk.NoSuchEvent");
            assertThat(c.enabledEvents()).isEmpty();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
