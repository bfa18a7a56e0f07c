package dev.quadrant.collectors;

/**
 * Whether the JVM has begun to shut down. JFR tears itself down in a shutdown hook of its own; a recording started
 * after that blocks forever inside the JVM while holding JFR's lock (seen on JDK 17), so nothing of Quadrant starts a
 * recording, weaves or waits on JFR once this is true. The JDK has no query for it: the hook list refuses additions
 * from the moment shutdown begins, and that refusal is the answer.
 */
public final class JvmExit {
    private static final Thread PROBE = new Thread("quadrant-exit-probe");  // never started
    private static volatile boolean seen;

    private JvmExit() {}

    public static boolean inProgress() {
        if (seen) return true;
        synchronized (PROBE) {
            try {
                Runtime.getRuntime().addShutdownHook(PROBE);
                Runtime.getRuntime().removeShutdownHook(PROBE);
                return false;
            } catch (IllegalStateException shuttingDown) {
                seen = true;
                return true;
            } catch (RuntimeException refused) {
                return false;  // a security manager that forbids hooks: cannot tell, assume running
            }
        }
    }

    /** Said by Quadrant's own exit hook, which may run before the JVM closes the hook list to others. */
    public static void begun() { seen = true; }
}
