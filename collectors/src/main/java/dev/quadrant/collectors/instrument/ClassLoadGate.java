package dev.quadrant.collectors.instrument;

import dev.quadrant.collectors.AgentThreads;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's one class-load transformer. Every class the JVM loads passes here: all but the dozen woven names are
 * dismissed by a set look-up, before ByteBuddy builds a type pool and a description for them (tens of microseconds a
 * class, mostly cold code: a framework's start-up loads ten thousand classes).
 * <p>
 * Installed before the application's main, it also holds back the pools whose workers never leave their loop until the
 * weaving is ready: a worker already in {@code runWorker} when its class is retransformed stays in the old method,
 * which HotSpot never compiles, so the pool's loop would run interpreted for the worker's life (a fifth of a small
 * service's throughput). Only the application's threads wait, for {@link #WAIT_MILLIS} at most; the agent's own never do.
 * No class is loaded here: the names are strings, the agent's threads are known by class.
 */
public final class ClassLoadGate implements ClassFileTransformer {
    static final String[] JDK = {"java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
            "java.lang.Thread", "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.io.FileOutputStream", "java.io.FileInputStream", "java.net.InetAddress", "sun.nio.ch.FileChannelImpl"};
    /** Server libraries' pools and connection pools, woven when the application loads them (or retransformed, when attached later). */
    static final String[] SERVER_POOLS = {ServerPools.TOMCAT, ServerPools.JETTY, ServerPools.JBOSS, ServerPools.JBOSS + "$Task", ConnectionPools.HIKARI};
    static final String[] ALL = concat(JDK, SERVER_POOLS);
    /** Internal names of {@link #ALL}: what the class-load path compares against. */
    static final Set<String> INTERNAL_NAMES = internal(ALL);
    /** Pools whose loop is a method of the woven class itself (Jetty's and JBoss's loops are in nested classes). */
    static final Set<String> HELD = internal(JDK[0], JDK[1], ServerPools.TOMCAT);
    /** Long enough for the weaving on a busy core (seconds, measured); a load that waits longer goes on unwoven. */
    static final long WAIT_MILLIS = 10_000;

    private final CountDownLatch ready;
    private final long waitMillis;
    private volatile ClassFileTransformer weaving;
    private volatile long heldMillis;

    ClassLoadGate(ClassFileTransformer weaving, long waitMillis) {
        this.weaving = weaving;
        this.waitMillis = waitMillis;
        this.ready = new CountDownLatch(weaving == null ? 1 : 0);
    }

    /** Before the application's main: registered now, holding the pools' classes until {@link #open}. */
    public static ClassLoadGate installClosed(Instrumentation inst) {
        ClassLoadGate gate = new ClassLoadGate(null, WAIT_MILLIS);
        inst.addTransformer(gate, true);
        return gate;
    }

    /** Attached later: nothing to hold, the classes are loaded already. */
    static ClassLoadGate installOpen(Instrumentation inst, ClassFileTransformer weaving) {
        ClassLoadGate gate = new ClassLoadGate(weaving, 0);
        inst.addTransformer(gate, true);
        return gate;
    }

    void open(ClassFileTransformer weaving) {
        this.weaving = weaving;
        ready.countDown();
    }

    /** The weaving failed or is not wanted: nothing is held any longer. */
    public void release() { ready.countDown(); }

    /** How long the application's class loads waited for the weaving, all told. */
    public long heldMillis() { return heldMillis; }

    @Override public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
            throws IllegalClassFormatException {
        if (name == null || !INTERNAL_NAMES.contains(name)) return null;
        ClassFileTransformer w = weaving;
        if (w == null && redefined == null && HELD.contains(name) && ready.getCount() > 0 && !AgentThreads.isCurrent()) w = await();
        return w == null ? null : w.transform(module, loader, name, redefined, domain, bytes);
    }

    private ClassFileTransformer await() {
        long started = System.nanoTime();
        try {
            ready.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heldMillis += TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);  // racy on purpose: a figure for the log
        return weaving;
    }

    // loops, not streams: this runs on the application's main thread before main, where the first lambda costs milliseconds
    private static Set<String> internal(String... names) {
        String[] internal = new String[names.length];
        for (int i = 0; i < names.length; i++) internal[i] = names[i].replace('.', '/');
        return Set.of(internal);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
