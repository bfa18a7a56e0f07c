package dev.quadrant.collectors.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quadrant.collectors.Faults;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default event set on this JVM: collections joined with the heap after them, exceptions counted, old objects on request. */
class DefaultHandlersTest {
    static final List<Object> retained = new ArrayList<>();

    private final AtomicReference<WindowBuilder> current = new AtomicReference<>(new WindowBuilder(1, Instant.now()));
    private final Faults faults = new Faults();
    private final JfrCollector collector = new JfrCollector(JfrCollector.defaultHandlers(), current::get, faults);

    @AfterEach void close() { collector.close(); retained.clear(); }

    private Window cut() {
        return current.getAndSet(new WindowBuilder(1, Instant.now())).build(Instant.now(), List.of());
    }

    @Test void aFullCollectionArrivesWithCollectorCauseAndHeapAfter() throws Exception {
        collector.start();
        assertThat(collector.awaitRunning(Duration.ofSeconds(20))).isTrue();
        cut();
        System.gc();
        Window[] seen = new Window[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> (seen[0] = cut()).memory().gc().oldCollections() > 0);
        Window w = seen[0];
        assertThat(w.memory().gc().oldCollections()).isPositive();
        assertThat(w.memory().gc().longestCause()).isEqualTo("System.gc()");
        assertThat(w.jvm().heapAfterOldGcBytes()).isPositive().isLessThan(Runtime.getRuntime().maxMemory());
        assertThat(faults.count()).isZero();
    }

    @Test void exceptionsAreCountedWithoutPerThrowEvents() throws Exception {
        collector.start();
        assertThat(collector.awaitRunning(Duration.ofSeconds(20))).isTrue();
        long[] total = {0};
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (int i = 0; i < 5000; i++) {
                try { Integer.parseInt("x" + i); } catch (NumberFormatException expected) { /* the storm */ }
            }
            total[0] += Math.max(0, cut().cpu().exceptionsThrown());
            return total[0] >= 5000;
        });
        assertThat(collector.enabledEvents()).doesNotContain("jdk.JavaExceptionThrow");
    }

    @Test void oldObjectsArriveOnRequestWithTypeAndAllocationSite() throws Exception {
        collector.start();
        assertThat(collector.awaitRunning(Duration.ofSeconds(20))).isTrue();
        for (int i = 0; i < 200_000; i++) retained.add(new byte[256]);
        List<String> types = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            collector.requestOldObjects();
            cut().memory().oldObjects().forEach(o -> { if (!o.stack().isEmpty() && o.stack().toString().contains("DefaultHandlersTest")) types.add(o.type()); });
            return !types.isEmpty();
        });
        assertThat(types).contains("byte[]");
    }
}
