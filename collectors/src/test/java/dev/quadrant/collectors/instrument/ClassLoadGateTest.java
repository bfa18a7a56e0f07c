package dev.quadrant.collectors.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quadrant.collectors.AgentThreads;
import java.lang.instrument.ClassFileTransformer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClassLoadGateTest {
    private static final byte[] ORIGINAL = {1}, WOVEN = {2};
    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor", THREAD = "java/lang/Thread";
    private static final ClassFileTransformer WEAVING = new ClassFileTransformer() {
        @Override public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, java.security.ProtectionDomain domain,
                                          byte[] bytes) { return WOVEN; }
    };

    @Test void onlyTheWovenNamesReachTheWeaving() throws Exception {
        ClassLoadGate gate = new ClassLoadGate(WEAVING, 0);
        assertThat(gate.transform(null, null, "com/acme/Orders", null, null, ORIGINAL)).isNull();
        assertThat(gate.transform(null, null, null, null, null, ORIGINAL)).isNull();
        assertThat(gate.transform(null, null, TPE, null, null, ORIGINAL)).isEqualTo(WOVEN);
        assertThat(gate.transform(null, null, "org/apache/tomcat/util/threads/ThreadPoolExecutor", null, null, ORIGINAL)).isEqualTo(WOVEN);
    }

    @Test void anApplicationThreadLoadingAPoolWaitsForTheWeavingAndGetsItsClassWoven() throws Exception {
        ClassLoadGate gate = new ClassLoadGate(null, TimeUnit.SECONDS.toMillis(30));
        CompletableFuture<byte[]> load = new CompletableFuture<>();
        Thread main = new Thread(() -> load.complete(transform(gate, TPE)), "main");
        main.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> main.getState() == Thread.State.TIMED_WAITING);
        assertThat(gate.transform(null, null, "com/acme/Orders", null, null, ORIGINAL)).as("other classes never wait").isNull();
        assertThat(gate.transform(null, null, THREAD, null, null, ORIGINAL)).as("a class without a worker loop is woven later").isNull();
        assertThat(load).isNotDone();
        gate.open(WEAVING);
        assertThat(load.get(30, TimeUnit.SECONDS)).isEqualTo(WOVEN);
    }

    @Test void theAgentsOwnThreadsAndRetransformationsNeverWait() throws Exception {
        ClassLoadGate gate = new ClassLoadGate(null, TimeUnit.SECONDS.toMillis(30));
        AtomicReference<byte[]> loaded = new AtomicReference<>(ORIGINAL);
        CountDownLatch done = new CountDownLatch(1);
        AgentThreads.create("test", () -> {
            loaded.set(transform(gate, TPE));
            done.countDown();
        }, true).start();
        assertThat(done.await(30, TimeUnit.SECONDS)).as("an agent thread went on").isTrue();
        assertThat(loaded.get()).as("and its class stays as it is, to be retransformed").isNull();
        assertThat(gate.transform(null, null, TPE, ClassLoadGateTest.class, null, ORIGINAL)).as("a retransformation").isNull();
        assertThat(gate.heldMillis()).isZero();
    }

    @Test void aLoadThatWaitsTooLongGoesOnUnwoven() throws Exception {
        ClassLoadGate gate = new ClassLoadGate(null, 50);
        assertThat(transform(gate, TPE)).isNull();
        assertThat(gate.heldMillis()).isGreaterThanOrEqualTo(50);
    }

    @Test void aReleasedGateHoldsNothing() throws Exception {
        ClassLoadGate gate = new ClassLoadGate(null, TimeUnit.SECONDS.toMillis(30));
        gate.release();
        assertThat(transform(gate, TPE)).isNull();
        assertThat(gate.heldMillis()).isLessThan(TimeUnit.SECONDS.toMillis(30));
    }

    private static byte[] transform(ClassLoadGate gate, String name) {
        try {
            return gate.transform(null, null, name, null, null, ORIGINAL);
        } catch (java.lang.instrument.IllegalClassFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
