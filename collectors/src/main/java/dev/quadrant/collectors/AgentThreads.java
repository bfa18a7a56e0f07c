package dev.quadrant.collectors;

/** The agent's own threads: named {@code quadrant-*}, known by their class, each with a stack of its own size. */
public final class AgentThreads {
    public static final String PREFIX = "quadrant-";
    /**
     * Whatever {@code -Xss} says: a host started with a small default stack for its own threads must not make the
     * agent's report rendering overflow.
     */
    static final long STACK_BYTES = 1024 * 1024;

    private AgentThreads() {}

    /** A new, unstarted thread: a daemon unless it is a shutdown hook; it inherits nothing from the host's thread. */
    public static Thread create(String name, Runnable work, boolean daemon) {
        Thread t = new Agent(work, PREFIX + name);
        t.setDaemon(daemon);
        return t;
    }

    /** Whether the calling thread is the agent's: what it does (its file writes, its locks) is not the application's. */
    public static boolean isCurrent() { return Thread.currentThread() instanceof Agent; }

    /** Known by class, not by name: an application may name its threads anything. */
    private static final class Agent extends Thread {
        Agent(Runnable work, String name) { super(null, work, name, STACK_BYTES, false); }
    }
}
