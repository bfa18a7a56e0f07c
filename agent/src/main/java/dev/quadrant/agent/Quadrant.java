package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.jfr.JfrCollector;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.collectors.mxbean.AllocatedBytesSampler;
import dev.quadrant.collectors.mxbean.BufferPoolSampler;
import dev.quadrant.collectors.mxbean.ClassLoadingSampler;
import dev.quadrant.collectors.mxbean.CpuSampler;
import dev.quadrant.collectors.mxbean.FileDescriptorSampler;
import dev.quadrant.collectors.mxbean.GcSampler;
import dev.quadrant.collectors.mxbean.HeapSampler;
import dev.quadrant.collectors.mxbean.Sampler;
import dev.quadrant.collectors.mxbean.ThreadCountSampler;
import dev.quadrant.collectors.mxbean.ThreadStateSampler;
import dev.quadrant.core.AgentStats;
import dev.quadrant.core.Classifier;
import dev.quadrant.core.Diagnosis;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Metrics;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.reports.ReportWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: collectors feed the current window; every interval the window is closed, classified and
 * written as a report. At most one per JVM. Every step catches its own failures: the host never sees them.
 */
final class Quadrant {
    static final int HISTORY_WINDOWS = 120;                         // trend rules look back this far
    static final Duration THREAD_SAMPLE_PERIOD = Duration.ofSeconds(1);  // one thread dump per second: ~0.1% of a core
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);     // a final report must not hold up JVM exit longer
    private static final AtomicReference<Quadrant> RUNNING = new AtomicReference<>();
    private static final Logger LOG = LoggerFactory.getLogger(Quadrant.class);

    private final Options options;
    private final String loadedBy;
    private final long pid = ProcessHandle.current().pid();
    private final ReportWriter writer;
    private final Faults faults = new Faults();
    private final AtomicReference<WindowBuilder> current;
    private final List<Sampler> samplers = List.of(new HeapSampler(), new GcSampler(), new ThreadCountSampler(), new CpuSampler(),
            new FileDescriptorSampler(), new BufferPoolSampler(), new ClassLoadingSampler(), new AllocatedBytesSampler());
    private final ThreadStateSampler threadStates = new ThreadStateSampler();
    private final Classifier classifier = new Classifier(RuleCatalog.all());
    private final ArrayDeque<JvmSample> history = new ArrayDeque<>();
    private final SelfCpu selfCpu = new SelfCpu();
    private final ReentrantLock tickLock = new ReentrantLock();
    private final List<String> notes = new ArrayList<>();
    private volatile JfrCollector jfr;
    private volatile ScheduledThreadPoolExecutor scheduler;
    private volatile Thread shutdownHook;
    private volatile boolean stopped;
    private long errorsReported;

    private Quadrant(Options options, String loadedBy, ReportWriter writer) {
        this.options = options;
        this.loadedBy = loadedBy;
        this.writer = writer;
        this.current = new AtomicReference<>(new WindowBuilder(pid, Instant.now()));
    }

    /**
     * Starts the agent unless one runs already. Returns the one-line message for stderr, or null when started
     * quietly. Only the report folder is checked here; everything slow happens on a thread of its own.
     */
    static String start(Options options, String loadedBy) {
        Quadrant running = RUNNING.get();
        if (running != null) return "quadrant: already running in this JVM (reports in " + running.writer.dir().toAbsolutePath() + "); this load is ignored.";
        ReportWriter writer;
        try {
            writer = new ReportWriter(options.out(), options.keep());
        } catch (IOException | RuntimeException e) {
            return "quadrant: cannot write reports to '" + options.out().toAbsolutePath() + "' (" + e + "); choose another folder with out=<dir>."
                    + " Quadrant is not started; the application continues.";
        }
        Quadrant q = new Quadrant(options, loadedBy, writer);
        if (!RUNNING.compareAndSet(null, q)) return "quadrant: already running in this JVM; this load is ignored.";
        Thread starter = new Thread(q::startInBackground, Threads.AGENT_THREAD_PREFIX + "start");
        starter.setDaemon(true);
        starter.start();
        return null;
    }

    static Quadrant running() { return RUNNING.get(); }

    private void startInBackground() {
        try {
            LogFile.open(writer.dir());
            LOG.info("Quadrant {} starting ({}), reports every {} in {}", Version.get(), loadedBy, options.interval(), writer.dir().toAbsolutePath());
            JvmSample.Builder baseline = new JvmSample.Builder();
            for (Sampler s : samplers) sample(s, baseline);  // so the first window has deltas too
            selfCpu.sinceLastMs();
            ScheduledThreadPoolExecutor exec = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, Threads.AGENT_THREAD_PREFIX + "tick");
                t.setDaemon(true);
                return t;
            });
            exec.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduler = exec;
            long periodMs = options.interval().toMillis();
            exec.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
            long pollMs = Math.min(periodMs, THREAD_SAMPLE_PERIOD.toMillis());
            exec.scheduleAtFixedRate(this::pollThreads, pollMs / 2, pollMs, TimeUnit.MILLISECONDS);
            Thread hook = new Thread(() -> stop("JVM exit"), Threads.AGENT_THREAD_PREFIX + "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
            startJfr();
        } catch (Throwable t) {
            faults.record("start", t);
        }
    }

    private void startJfr() {
        try {
            JfrCollector c = new JfrCollector(JfrCollector.defaultHandlers(), current::get, faults);
            c.start();
            jfr = c;
            if (!c.missingEvents().isEmpty()) note("JFR events missing on this JVM: " + c.missingEvents());
        } catch (Throwable t) {  // a JVM without JFR, or JFR disabled: MXBean figures still flow
            faults.record("jfr start", t);
            note("JFR streaming unavailable (" + t + "): CPU samples, allocation sites, monitor waits and socket reads are missing");
        }
    }

    private synchronized void note(String note) { if (notes.size() < 20) notes.add(note); }

    private synchronized List<String> notes() { return List.copyOf(notes); }

    private void pollThreads() {
        try {
            threadStates.poll(Instant.now());
        } catch (Throwable t) {
            faults.record("thread sampler", t);
        }
    }

    private void sample(Sampler s, JvmSample.Builder jvm) {
        try {
            s.sample(jvm);
        } catch (Throwable t) {
            faults.record("sampler " + s.getClass().getSimpleName(), t);
        }
    }

    /** Closes the current window and writes its report. */
    void tick() {
        tickLock.lock();
        try {
            Instant now = Instant.now();
            WindowBuilder closing = current.getAndSet(new WindowBuilder(pid, now));
            for (Sampler s : samplers) sample(s, closing.jvm());
            threadStates.sample(closing, now);
            Window window = closing.build(now, List.copyOf(history));
            history.addLast(window.jvm());
            while (history.size() > HISTORY_WINDOWS) history.removeFirst();
            Diagnosis diagnosis = classifier.classify(window);
            long errors = faults.count();
            AgentStats stats = new AgentStats(Version.get(), loadedBy, window.eventsSeen(), window.eventsDropped(),
                    selfCpu.sinceLastMs(), errors - errorsReported, notes());
            errorsReported = errors;
            Report report = new Report(writer.nextSequence(), window.start(), window.end(), identity(), diagnosis, Metrics.of(window), stats);
            writer.write(report);
        } catch (Throwable t) {  // a full disk, a bug: this window is lost, the next one tries again
            faults.record("report", t);
        } finally {
            tickLock.unlock();
        }
    }

    private JvmIdentity identity() {
        String command = System.getProperty("sun.java.command", "");
        String main = command.isBlank() ? "(unknown)" : command.split(" ", 2)[0];
        return new JvmIdentity(pid, System.getProperty("java.version"), System.getProperty("java.vendor"), main,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Writes the final report and releases everything; bounded in time so it never holds up the JVM. */
    void stop(String reason) {
        if (stopped) return;
        stopped = true;
        ScheduledThreadPoolExecutor exec = scheduler;
        if (exec != null) exec.shutdownNow();
        try {
            if (tickLock.tryLock(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    LOG.info("Stopping ({}): writing the final report", reason);
                    tick();
                } finally {
                    tickLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        JfrCollector c = jfr;
        if (c != null) c.close();
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        RUNNING.compareAndSet(this, null);
        LogFile.close();
    }

    Path reportDir() { return writer.dir(); }
}
