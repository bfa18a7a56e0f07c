package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.jfr.Threads;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's lifecycle, at most one per JVM. On the application's thread it only checks the report folder,
 * registers the exit hook and starts its own thread; the {@link Pipeline} is built there.
 */
final class Quadrant {
    /** System property that says, to the attach CLI, that Quadrant runs in this JVM and where it writes. */
    static final String MARKER_PROPERTY = "quadrant.agent";
    /** The last start-up message (error or "already running"), for the attach CLI, which cannot see the target's stderr. */
    static final String MESSAGE_PROPERTY = "quadrant.agent.message";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);  // a final report must not hold up JVM exit longer
    private static final AtomicReference<Quadrant> RUNNING = new AtomicReference<>();

    private final Options options;
    private final String loadedBy;
    private final Path dir;
    private final Instrumentation inst;
    private final Instant startedAt = Instant.now();
    private final CountDownLatch built = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Pipeline pipeline;
    private volatile Thread exitHook;

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
        Thread hook = new Thread(q.new Stop(), Threads.AGENT_THREAD_PREFIX + "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        q.exitHook = hook;
        Thread starter = new Thread(q.new Start(), Threads.AGENT_THREAD_PREFIX + "start");
        starter.setDaemon(true);
        starter.start();
        return null;
    }

    // Classes, not lambdas, on the application's start-up path: the first lambda costs milliseconds of bootstrap.
    private final class Start implements Runnable {
        @Override public void run() { startInBackground(); }
    }

    private final class Stop implements Runnable {
        @Override public void run() { stop("JVM exit"); }
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

    /** Stops the running agent, if any; returns whether one was running. */
    static boolean stopRunning(String reason) {
        Quadrant q = RUNNING.get();
        if (q == null) return false;
        q.stop(reason);
        return true;
    }

    private void startInBackground() {
        Pipeline p = null;
        try {
            p = new Pipeline(options, loadedBy, startedAt);
            pipeline = p;
        } catch (Throwable t) {
            System.err.println("quadrant: failed to start (" + t + "); the application continues without it.");
            release();
        } finally {
            built.countDown();
        }
        if (p == null || stopping.get()) return;
        p.startSchedules();
        // JFR first: weaving at the same time (~0.5 s of CPU) delayed JFR's start on a busy 2-core machine, and the first
        // windows' CPU profile fell back to a few thread dumps. Objects created before the weaving have no creation site.
        p.startJfr();
        if (options.instrument() && inst != null) p.startInstrumentation(inst);
    }

    /** Writes the final report and releases everything; bounded in time so it never holds up the JVM. */
    void stop(String reason) {
        if (!stopping.compareAndSet(false, true)) return;
        try {
            built.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pipeline p = pipeline;
        if (p != null) p.close(reason, STOP_TIMEOUT);
        Thread hook = exitHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
        release();
        LogFile.close();
    }

    private void release() {
        if (RUNNING.compareAndSet(this, null)) System.clearProperty(MARKER_PROPERTY);
    }
}
