package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.AgentThreads;
import dev.quadrant.collectors.JvmExit;
import dev.quadrant.collectors.instrument.ClassLoadGate;
import dev.quadrant.core.AgentStats;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's lifecycle, at most one per JVM. On the application's thread it only checks the report folder,
 * registers the exit hook and starts its own thread; the {@link Pipeline} is built there. Stopping runs on a thread of
 * its own under one deadline: whatever is stuck (a tick, a disk, JFR), the caller returns on time.
 */
final class Quadrant {
    /** System property that says, to the attach CLI, that Quadrant runs in this JVM and where it writes. */
    static final String MARKER_PROPERTY = "quadrant.agent";
    /** The last start-up message (error or "already running"), for the attach CLI, which cannot see the target's stderr. */
    static final String MESSAGE_PROPERTY = "quadrant.agent.message";
    static final Duration EXIT_DEADLINE = Duration.ofSeconds(2);   // all of Quadrant's work at JVM exit: the host must not wait longer
    static final Duration STOP_DEADLINE = Duration.ofSeconds(10);  // the stop command: final report, JFR closed, weaving removed
    private static final AtomicReference<Quadrant> RUNNING = new AtomicReference<>();

    private final Options options;
    private final String loadedBy;
    private final Path dir;
    private final Instrumentation inst;
    private final Instant startedAt = Instant.now();
    private final CountDownLatch built = new CountDownLatch(1);
    private final AtomicReference<Thread> stopper = new AtomicReference<>();
    private volatile Pipeline pipeline;
    private volatile Thread exitHook;
    private volatile Thread starter;
    private volatile ClassLoadGate gate;  // installed before main (-javaagent with instrument=on), else null

    private Quadrant(Options options, String loadedBy, Path dir, Instrumentation inst) {
        this.options = options;
        this.loadedBy = loadedBy;
        this.dir = dir;
        this.inst = inst;
    }

    /** Starts the agent unless one runs already. Returns a one-line message for stderr, or null when started quietly. */
    static String start(Options options, String loadedBy, Instrumentation inst) {
        Quadrant running = RUNNING.get();
        if (running != null) return "quadrant: already running in this JVM (reports in " + running.dir + "); this load is ignored.";
        Path dir = options.out().toAbsolutePath();
        if (SecurityCheck.installed()) {  // -Djava.security.manager with a policy: say what it denies instead of failing on it
            java.util.Map<String, java.security.Permission> denied = SecurityCheck.denied(dir);
            if (!denied.isEmpty()) return SecurityCheck.line(denied, true).replace("Quadrant stops", "Quadrant is not started");
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) throw new IOException("not writable by user " + System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return "quadrant: cannot write reports to '" + dir + "' (" + why(e) + "); choose another folder with out=<dir>."
                    + " Quadrant is not started; the application continues.";
        }
        Quadrant q = new Quadrant(options, loadedBy, dir, inst);
        if (!RUNNING.compareAndSet(null, q)) return "quadrant: already running in this JVM; this load is ignored.";
        System.setProperty(MARKER_PROPERTY, "version=" + Version.get() + ";out=" + dir + ";interval=" + options.interval().toMillis() + "ms;loadedBy=" + loadedBy);
        Thread hook = AgentThreads.create("shutdown", q.new Exit(), false);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            q.release();
            return null;  // the JVM is already on its way out: nothing to watch
        }
        q.exitHook = hook;
        // before main, so that no pool's worker is inside its loop when its class is woven (see ClassLoadGate)
        if (AgentStats.STARTED_WITH_JVM.equals(loadedBy) && options.instrument() && inst != null) q.gate = ClassLoadGate.installClosed(inst);
        q.starter = AgentThreads.create("start", q.new Start(), true);
        q.starter.start();
        return null;
    }

    // Classes, not lambdas, on the application's start-up path: the first lambda costs milliseconds of bootstrap.
    private final class Start implements Runnable {
        @Override public void run() { startInBackground(); }
    }

    private final class Exit implements Runnable {
        @Override public void run() { stop("JVM exit", true); }
    }

    private static String why(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied for user " + System.getProperty("user.name");
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() != null && !e.getMessage().equals(dirName(e)) ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String dirName(Exception e) {
        return e instanceof java.nio.file.FileSystemException fse ? fse.getFile() : null;
    }

    static Quadrant running() { return RUNNING.get(); }

    /** Stops the running agent, if any (the stop command); returns whether one was running. */
    static boolean stopRunning(String reason) {
        Quadrant q = RUNNING.get();
        if (q == null) return false;
        q.stop(reason, false);
        return true;
    }

    private void startInBackground() {
        // the weaving first when the gate holds the application's pool classes for it; JFR's start waits ~0.5 s of CPU
        Pipeline.Woven woven = null;
        if (gate != null) {
            if (JvmExit.inProgress()) gate.release();
            else woven = Pipeline.weave(inst, gate);
        }
        Pipeline p = null;
        try {
            if (!JvmExit.inProgress()) {
                p = new Pipeline(options, loadedBy, startedAt);
                pipeline = p;
            }
        } catch (Throwable t) {
            System.err.println("quadrant: failed to start (" + t + "); the application continues without it.");
            release();
        } finally {
            built.countDown();
        }
        if (p == null) {
            if (woven != null) woven.release();
            return;
        }
        p.startSchedules();
        p.startJfr();
        if (options.instrument() && inst != null) p.startInstrumentation(inst, woven);
    }

    /**
     * Writes the final report and releases everything, on a thread of its own; returns when that is done or when the
     * deadline has passed, whichever comes first. A stop already under way (the stop command, then the JVM exits) is
     * waited for, within this call's own deadline.
     */
    void stop(String reason, boolean jvmExit) {
        if (jvmExit) JvmExit.begun();
        long started = System.nanoTime();
        Duration limit = jvmExit ? EXIT_DEADLINE : STOP_DEADLINE;
        long deadline = started + limit.toNanos();
        Stopping work = new Stopping(reason, jvmExit, deadline);
        Thread t = AgentThreads.create("stop", work, true);
        if (stopper.compareAndSet(null, t)) t.start();
        else t = stopper.get();
        try {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            Pipeline p = pipeline;
            log().warn("Stopping ({}) gave up after {} ms{}; {}", reason, limit.toMillis(), p == null ? " (still starting)" : " (" + p.stage() + ")",
                    jvmExit ? "the JVM exits without the rest" : "the rest goes on in the background");
            if (jvmExit) LogFile.close();
        }
    }

    /** The stop itself: the final report, then JFR and the weaving released unless the JVM is exiting. */
    private final class Stopping implements Runnable {
        private final String reason;
        private final boolean jvmExit;
        private final long deadline;

        Stopping(String reason, boolean jvmExit, long deadline) {
            this.reason = reason;
            this.jvmExit = jvmExit;
            this.deadline = deadline;
        }

        @Override public void run() {
            try {
                built.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // a stop command right after the start: let JFR and the weaving finish starting, so that nothing of
                // this run starts after the next attach does; at exit nothing waits (the start thread skips the rest)
                Thread s = starter;
                if (!jvmExit && s != null) s.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) / 2));
                Pipeline p = pipeline;
                if (p != null) p.close(reason, deadline);
            } catch (Throwable t) {
                log().warn("Stopping ({}) failed", reason, t);
            } finally {
                Thread hook = exitHook;
                if (!jvmExit && hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException ignored) {
                        // the JVM began to exit meanwhile
                    }
                }
                release();
                LogFile.close();
            }
        }
    }

    /** Looked up when needed: logging's set-up reads system properties, which a security manager may deny before anything is checked. */
    private static Logger log() { return LoggerFactory.getLogger(Quadrant.class); }

    private void release() {
        if (!RUNNING.compareAndSet(this, null)) return;
        try {
            System.clearProperty(MARKER_PROPERTY);
        } catch (RuntimeException deniedBySecurityManager) {
            // the marker stays; the attach CLI then says "already running" where it is not
        }
    }
}
