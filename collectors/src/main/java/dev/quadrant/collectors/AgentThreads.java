package dev.quadrant.collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    public static Thread create(String name, Runnable work, boolean daemon) { return create(name, work, daemon, null); }

    /** The same, with what escapes its work counted in {@code faults} (null: logged only). */
    public static Thread create(String name, Runnable work, boolean daemon, Faults faults) {
        Thread t = new Agent(work, PREFIX + name);
        t.setDaemon(daemon);
        t.setUncaughtExceptionHandler(new Uncaught(faults));
        return t;
    }

    /** Whether the calling thread is the agent's: what it does (its file writes, its locks) is not the application's. */
    public static boolean isCurrent() { return Thread.currentThread() instanceof Agent; }

    /** Known by class, not by name: an application may name its threads anything. */
    private static final class Agent extends Thread {
        Agent(Runnable work, String name) { super(null, work, name, STACK_BYTES, false); }
    }

    /**
     * The JVM's default prints an uncaught throwable on the host's stderr; an agent thread's goes to the agent's log.
     * An OutOfMemoryError outside the work is the application's exhausted heap reaching an idle thread (JDK 17's
     * condition wait allocates a node per wait): said in one line, not counted as the agent's failure; an executor
     * replaces its worker.
     */
    static final class Uncaught implements Thread.UncaughtExceptionHandler {
        private final Faults faults;

        Uncaught(Faults faults) { this.faults = faults; }

        @Override public void uncaughtException(Thread t, Throwable e) {
            try {
                // looked up here, not in a static field: this class loads before main, where SLF4J's set-up costs ~80 ms
                Logger log = LoggerFactory.getLogger(AgentThreads.class);
                if (e instanceof OutOfMemoryError) {
                    log.info("{}: {} outside its work, while it waited: the application had exhausted the heap", t.getName(), e);
                } else if (faults != null) {
                    faults.record(t.getName(), e);
                } else {
                    log.warn("{} ended with an uncaught throwable", t.getName(), e);
                }
            } catch (Throwable again) {
                // out of memory again while saying so: the host's stderr stays clean all the same
            }
        }
    }
}
