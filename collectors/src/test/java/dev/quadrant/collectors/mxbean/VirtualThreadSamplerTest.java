package dev.quadrant.collectors.mxbean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON thread dump as JDK 25 writes it (trimmed); the dump itself is taken end to end on JDK 25. */
class VirtualThreadSamplerTest {
    static final String DUMP = """
            {"threadDump": {"processId": "7", "time": "2026-12-01T20:21:24Z", "runtimeVersion": "25",
              "threadContainers": [
                {"container": "<root>", "parent": null, "owner": null, "threads": [
                  {"tid": "3", "name": "main", "state": "WAITING", "stack": ["java.base\\/java.lang.Object.wait0(Native Method)", "app.Main.main(Main.java:9)"]}]},
                {"container": "java.util.concurrent.ThreadPerTaskExecutor@5158b42f", "parent": "<root>", "owner": null, "threads": [
                  {"tid": "23", "virtual": true, "name": "", "state": "WAITING",
                   "parkBlocker": {"object": "java.util.concurrent.CompletableFuture$Signaller@72d1ad2e"},
                   "stack": ["java.base/java.lang.VirtualThread.park(VirtualThread.java:742)",
                             "java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:221)",
                             "java.base/java.util.concurrent.CompletableFuture$Signaller.block(CompletableFuture.java:1885)",
                             "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)",
                             "com.acme.Quotes.handle(Quotes.java:31)",
                             "java.base/java.lang.VirtualThread.run(VirtualThread.java:466)"]},
                  {"tid": "25", "virtual": true, "name": "idle-consumer", "state": "WAITING",
                   "parkBlocker": {"object": "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject@1"},
                   "stack": ["java.base/java.lang.VirtualThread.park(VirtualThread.java:742)",
                             "java.base/java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
                             "com.acme.Consumer.run(Consumer.java:12)", "java.base/java.lang.VirtualThread.run(VirtualThread.java:466)"]}]}]}}
            """;

    @Test void aVirtualThreadInTheSameUntimedWaitAcrossDumpsIsABlockedCallAndAnIdleConsumerIsNot() {
        VirtualThreadSampler sampler = new VirtualThreadSampler();
        Instant t0 = Instant.parse("2026-12-01T20:21:24Z");
        Object dump = ThreadDumpJson.parse(DUMP);
        sampler.track(dump, t0);
        sampler.track(dump, t0.plusSeconds(3));
        WindowBuilder b = new WindowBuilder(7, t0);
        sampler.sample(b, new dev.quadrant.collectors.Collector.Tick(t0.plusSeconds(5), false));
        Window w = b.build(t0.plusSeconds(5), List.of());
        assertThat(w.threads().blockedCalls()).hasSize(1);
        BlockedCall c = w.threads().blockedCalls().get(0);
        assertThat(c.kind()).isEqualTo(BlockingKind.COMPLETABLE_FUTURE_GET);
        assertThat(c.thread()).isEqualTo("virtual thread #23");
        assertThat(c.blockedFor()).hasSeconds(5);
        assertThat(c.stack()).contains("com.acme.Quotes.handle(Quotes.java:31)").first().isEqualTo("java.lang.VirtualThread.park(VirtualThread.java:742)");
    }

    @Test void onlyVirtualThreadsAreRead() {
        assertThat(VirtualThreadSampler.virtualThreads(ThreadDumpJson.parse(DUMP)).stream().map(t -> String.valueOf(t.get("tid")))).containsExactly("23", "25");
        assertThat(VirtualThreadSampler.virtualThreads(ThreadDumpJson.parse("{\"other\": 1}"))).isEmpty();
    }

    @Test void theJsonReaderTakesEscapesAndRefusesBrokenInput() {
        assertThat(ThreadDumpJson.parse("{\"a\": [1, 2.5, true, null, \"x\\u0041\\n\"]}").toString()).isEqualTo("{a=[1, 2.5, true, null, xA\n]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThreadDumpJson.parse("{\"a\": [1, }")).isInstanceOf(IllegalArgumentException.class);
    }
}
