package dev.quadrant.bootstrap;

/**
 * What the advice woven into JDK classes reports to. Implemented by the agent; lives on the bootstrap class path so that
 * {@code java.*} classes can see it. Every method must be cheap and must not use java.util.concurrent locks (their
 * slow path is instrumented too).
 */
public interface Hooks {
    void poolCreated(Object pool);

    void taskSubmitted(Object pool, Object task);

    void taskStarted(Object pool, Object task);

    void taskFinished(Object pool, Object task);

    void taskRejected(Object pool, Object task);

    void threadStarted(Thread thread);

    /** A lock acquisition took the slow path; returns a start time for {@link #lockWaitEnded}, or 0 if not tracked. */
    long lockWaitStarted(Object sync);

    void lockWaitEnded(Object sync, long startNanos);

    /** One read or write call on a file stream, of {@code bytes} requested. */
    void fileCall(Object stream, boolean write, int bytes);

    /** A file stream or channel opened (its constructor returned; {@code path} null when not known), or closed. */
    void fileOpened(Object stream, String path);

    void fileClosed(Object stream);

    /** A host name look-up ended ({@code failure} null if it resolved); {@code startNanos} from System.nanoTime(). */
    void lookupEnded(String host, long startNanos, Throwable failure);

    /** A connection pool's getConnection returned or failed ({@code failure}: a timeout); {@code startNanos} from System.nanoTime(). */
    void connectionWaitEnded(Object pool, long startNanos, Throwable failure);
}
