package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Hooks;
import java.util.Locale;

/**
 * For the host-safety tests only: every hook throws, so a test can prove that a failure inside the agent never
 * changes what the woven JDK code does. Switched on by the system property {@value #PROPERTY} =
 * {@code runtime}, {@code stackoverflow} or {@code oom}; never set in production.
 */
final class FailingHooks implements Hooks {
    static final String PROPERTY = "quadrant.test.failingHooks";
    private final String kind;

    private FailingHooks(String kind) { this.kind = kind; }

    /** The hooks to install: failing ones when the test switch asks for them, else {@code hooks}. */
    static Hooks orElse(Hooks hooks) {
        String kind;
        try {
            kind = System.getProperty(PROPERTY);
        } catch (SecurityException e) {
            return hooks;
        }
        if (kind == null) return hooks;
        kind = kind.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "runtime", "stackoverflow", "oom" -> new FailingHooks(kind);
            default -> hooks;
        };
    }

    private long fail() {
        switch (kind) {
            case "stackoverflow" -> throw new StackOverflowError("test: failing hook");
            case "oom" -> throw new OutOfMemoryError("test: failing hook");
            default -> throw new IllegalStateException("test: failing hook");
        }
    }

    @Override public void poolCreated(Object pool) { fail(); }
    @Override public void taskSubmitted(Object pool, Object task) { fail(); }
    @Override public void taskStarted(Object pool, Object task) { fail(); }
    @Override public void taskFinished(Object pool, Object task) { fail(); }
    @Override public void taskRejected(Object pool, Object task) { fail(); }
    @Override public void threadStarted(Thread thread) { fail(); }
    @Override public long lockWaitStarted(Object sync) { return fail(); }
    @Override public void lockWaitEnded(Object sync, long startNanos) { fail(); }
    @Override public void fileCall(Object stream, boolean write, int bytes) { fail(); }
    @Override public void fileOpened(Object stream, String path) { fail(); }
    @Override public void fileClosed(Object stream) { fail(); }
    @Override public void lookupEnded(String host, long startNanos, Throwable failure) { fail(); }
    @Override public void connectionWaitEnded(Object pool, long startNanos, Throwable failure) { fail(); }
}
