package dev.quadrant.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge forwards each hook once per call chain, swallows and counts what the agent throws, and leaves later hooks alone. */
class BridgeTest {
    @AfterEach void off() { Bridge.uninstall(current); }

    private Hooks current;

    private static class Counting implements Hooks {
        final AtomicInteger calls = new AtomicInteger();
        @Override public void poolCreated(Object pool) { calls.incrementAndGet(); }
        @Override public void taskSubmitted(Object pool, Object task) { calls.incrementAndGet(); }
        @Override public void taskStarted(Object pool, Object task) { calls.incrementAndGet(); }
        @Override public void taskFinished(Object pool, Object task) { calls.incrementAndGet(); }
        @Override public void taskRejected(Object pool, Object task) { calls.incrementAndGet(); }
        @Override public void threadStarted(Thread thread) { calls.incrementAndGet(); }
        @Override public long lockWaitStarted(Object sync) { calls.incrementAndGet(); return 1; }
        @Override public void lockWaitEnded(Object sync, long startNanos) { calls.incrementAndGet(); }
        @Override public void fileCall(Object stream, boolean write, int bytes) { calls.incrementAndGet(); }
        @Override public void fileOpened(Object stream, String path) { calls.incrementAndGet(); }
        @Override public void fileClosed(Object stream) { calls.incrementAndGet(); }
        @Override public void lookupEnded(String host, long startNanos, Throwable failure) { calls.incrementAndGet(); }
        @Override public void connectionWaitEnded(Object pool, long startNanos, Throwable failure) { calls.incrementAndGet(); }
    }

    /** A hook whose work reaches woven code again (a file written, a lock taken inside the agent) is not forwarded twice. */
    @Test void aHookThatReachesWovenCodeAgainIsNotForwardedAgain() {
        Counting hooks = new Counting() {
            @Override public void fileCall(Object stream, boolean write, int bytes) {
                super.fileCall(stream, write, bytes);
                Bridge.fileCall(stream, write, bytes);      // the agent's own write
                Bridge.lockWaitEnded(this, Bridge.lockWaitStarted(this));  // a lock inside the agent
            }
        };
        install(hooks);
        Bridge.fileCall(this, true, 1);
        assertThat(hooks.calls).hasValue(1);
        Bridge.fileCall(this, true, 1);
        assertThat(hooks.calls).as("the guard is released after each call").hasValue(2);
    }

    @Test void whatTheAgentThrowsIsCountedAndNeverReachesTheCaller() {
        long before = Bridge.failures();
        install(new Counting() {
            @Override public void threadStarted(Thread thread) { throw new StackOverflowError("agent"); }
            @Override public long lockWaitStarted(Object sync) { throw new OutOfMemoryError("agent"); }
        });
        Bridge.threadStarted(Thread.currentThread());
        assertThat(Bridge.lockWaitStarted(this)).as("not timed after a failure").isZero();
        assertThat(Bridge.failures()).isEqualTo(before + 2);
        Counting after = new Counting();
        install(after);
        Bridge.threadStarted(Thread.currentThread());
        assertThat(after.calls).as("a failure leaves the thread's guard released").hasValue(1);
    }

    @Test void anEarlierAgentsUninstallLeavesALaterOnesHooks() {
        Counting first = new Counting(), second = new Counting();
        install(first);
        install(second);
        Bridge.uninstall(first);
        Bridge.poolCreated(this);
        assertThat(second.calls).hasValue(1);
        assertThat(first.calls).hasValue(0);
        Bridge.uninstall(second);
        Bridge.poolCreated(this);
        assertThat(second.calls).hasValue(1);
    }

    private void install(Hooks h) {
        current = h;
        Bridge.install(h);
    }
}
