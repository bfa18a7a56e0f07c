package dev.quadrant.bootstrap;

/**
 * The only code the advice calls. It holds no logic: it forwards to the agent's {@link Hooks} while the agent runs and
 * does nothing when it does not, so instrumented JDK classes stay correct whatever state the agent is in. A failure in
 * the agent is counted here and never reaches the application. A hook that reaches woven code again (a lock, a file,
 * a thread inside the agent's own recording) is not forwarded a second time: nothing the agent does recurses.
 */
public final class Bridge {
    private static final ThreadLocal<int[]> INSIDE = new ThreadLocal<>();  // {1} while this thread is inside a hook
    private static volatile Hooks hooks;
    private static volatile long failures;
    private static volatile Throwable firstFailure;

    private Bridge() {}

    public static synchronized void install(Hooks h) { hooks = h; }

    /** Switches {@code h} off; hooks installed since by a later start of the agent stay. */
    public static synchronized void uninstall(Hooks h) {
        if (hooks == h) hooks = null;
    }

    public static long failures() { return failures; }

    public static Throwable firstFailure() { return firstFailure; }

    /** Marks this thread as inside a hook; null if it already is. */
    private static int[] enter() {
        int[] inside = INSIDE.get();
        if (inside == null) INSIDE.set(inside = new int[1]);
        if (inside[0] != 0) return null;
        inside[0] = 1;
        return inside;
    }

    private static void failed(Throwable t) {
        if (firstFailure == null) firstFailure = t;
        failures++;  // racy on purpose: a count for the log, not an invariant
    }

    public static void poolCreated(Object pool) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.poolCreated(pool);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void taskSubmitted(Object pool, Object task) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.taskSubmitted(pool, task);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void taskStarted(Object pool, Object task) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.taskStarted(pool, task);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void taskFinished(Object pool, Object task) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.taskFinished(pool, task);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void taskRejected(Object pool, Object task) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.taskRejected(pool, task);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void threadStarted(Thread thread) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.threadStarted(thread);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static long lockWaitStarted(Object sync) {
        Hooks h = hooks;
        if (h == null) return 0;
        int[] inside = null;
        try {
            return (inside = enter()) != null ? h.lockWaitStarted(sync) : 0;
        } catch (Throwable t) {
            failed(t);
            return 0;
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void fileCall(Object stream, boolean write, int bytes) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.fileCall(stream, write, bytes);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void fileOpened(Object stream, java.io.File file) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.fileOpened(stream, file == null ? null : file.getPath());
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void fileClosed(Object stream) {
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.fileClosed(stream);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    /** The clock when the agent is on, 0 when it is off (then the look-up is not timed). */
    public static long lookupStarted() { return hooks == null ? 0 : System.nanoTime(); }

    public static void lookupEnded(String host, long startNanos, Throwable failure) {
        if (startNanos == 0) return;
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.lookupEnded(host, startNanos, failure);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    /** A connection pool's getConnection began: the time, if the agent runs. */
    public static long connectionWaitStarted() { return hooks == null ? 0 : System.nanoTime(); }

    public static void connectionWaitEnded(Object pool, long startNanos, Throwable failure) {
        if (startNanos == 0) return;
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.connectionWaitEnded(pool, startNanos, failure);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }

    public static void lockWaitEnded(Object sync, long startNanos) {
        if (startNanos == 0) return;
        Hooks h = hooks;
        if (h == null) return;
        int[] inside = null;
        try {
            if ((inside = enter()) != null) h.lockWaitEnded(sync, startNanos);
        } catch (Throwable t) {
            failed(t);
        } finally {
            if (inside != null) inside[0] = 0;
        }
    }
}
