package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.instrument.BootstrapJar;
import dev.quadrant.collectors.instrument.Weaving;
import dev.quadrant.collectors.jfr.JfrCollector;
import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.collectors.mxbean.AllocatedBytesSampler;
import dev.quadrant.collectors.mxbean.BufferPoolSampler;
import dev.quadrant.collectors.mxbean.BusyThreadSampler;
import dev.quadrant.collectors.mxbean.ClassLoadingSampler;
import dev.quadrant.collectors.mxbean.CpuSampler;
import dev.quadrant.collectors.mxbean.DeadlockSampler;
import dev.quadrant.collectors.mxbean.DescriptorKinds;
import dev.quadrant.collectors.mxbean.FileDescriptorSampler;
import dev.quadrant.collectors.mxbean.GcSampler;
import dev.quadrant.collectors.mxbean.HeapSampler;
import dev.quadrant.collectors.mxbean.MemoryPoolSampler;
import dev.quadrant.collectors.mxbean.Sampler;
import dev.quadrant.collectors.mxbean.ThreadCountSampler;
import dev.quadrant.collectors.mxbean.ThreadStateSampler;
import dev.quadrant.collectors.mxbean.TimelineSampler;
import dev.quadrant.core.AgentStats;
import dev.quadrant.core.Classifier;
import dev.quadrant.core.Diagnosis;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.memory.HeapLeakRule;
import dev.quadrant.reports.ReportWriter;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collectors feed the current window; every interval the window is closed, classified and written as a report.
 * Built and started on the agent's own thread, never the application's. Every step catches its own failures.
 */
final class Pipeline {
    static final int HISTORY_WINDOWS = 120;                              // trend rules look back this far
    static final Duration THREAD_SAMPLE_PERIOD = Duration.ofSeconds(1);  // a blocked call is seen within a second
    static final long THREAD_DUMP_COST_SHARE = 100;  // a dump stops the JVM at a safepoint: wait 100x its duration before the next
    static final String DYNAMIC_LOAD_NOTE = "Attached to a running JVM: on JDK 21+ the JVM warns about agents loaded this way (JEP 451)"
            + " and a future JDK may refuse them. Start the JVM with -javaagent:/path/quadrant-agent.jar=OPTIONS instead,"
            + " or allow it explicitly with -XX:+EnableDynamicAgentLoading.";
    static final String LEAK_RULE = new HeapLeakRule().id();
    static final String FD_LEAK_RULE = new dev.quadrant.core.io.FdLeakRule().id();
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Options options;
    private final String loadedBy;
    private final long pid = ProcessHandle.current().pid();
    private final ReportWriter writer;
    private final Faults faults = new Faults();
    private final AtomicReference<WindowBuilder> current;
    private final List<Sampler> samplers = List.of(new HeapSampler(), new GcSampler(), new ThreadCountSampler(), new CpuSampler(),
            new FileDescriptorSampler(), new BufferPoolSampler(), new ClassLoadingSampler(), new AllocatedBytesSampler(), new MemoryPoolSampler());
    private final BusyThreadSampler busyThreads = new BusyThreadSampler();
    private final ThreadStateSampler threadStates = new ThreadStateSampler();
    private final DeadlockSampler deadlocks = new DeadlockSampler();
    private final TimelineSampler timeline = new TimelineSampler();
    private final DescriptorKinds descriptorKinds = new DescriptorKinds();
    private boolean descriptorsLeak;  // the last report had an io.fd-leak finding: say what the descriptors are
    private final Classifier classifier = new Classifier(RuleCatalog.all());
    private final ArrayDeque<JvmSample> history = new ArrayDeque<>();
    private final SelfCpu selfCpu = new SelfCpu();
    private final ReentrantLock tickLock = new ReentrantLock();
    private final List<String> notes = new ArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private JfrCollector jfr;
    private Weaving instrumentation;
    private long instrumentationFailuresLogged;
    private boolean closed;
    private long errorsReported;

    Pipeline(Options options, String loadedBy, Instant windowStart) throws IOException {
        this.options = options;
        this.loadedBy = loadedBy;
        this.writer = new ReportWriter(options.out(), options.keep());
        LogFile.open(writer.dir());
        LOG.info("Quadrant {} starting ({}), reports every {} in {}", Version.get(), loadedBy, options.interval(), writer.dir().toAbsolutePath());
        this.current = new AtomicReference<>(new WindowBuilder(pid, windowStart));
        if (AgentStats.ATTACHED_LATER.equals(loadedBy) && Runtime.version().feature() >= 21) note(DYNAMIC_LOAD_NOTE);
        JvmSample.Builder baseline = new JvmSample.Builder();
        for (Sampler s : samplers) sample(s, baseline);  // so the first window has deltas too
        sampleBusyThreads(new WindowBuilder(pid, windowStart), windowStart);
        selfCpu.sinceLastMs();
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, Threads.AGENT_THREAD_PREFIX + "tick");
            t.setDaemon(true);
            return t;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void startSchedules() {
        long periodMs = options.interval().toMillis();
        scheduler.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        scheduler.schedule(this::pollThreads, Math.min(periodMs, THREAD_SAMPLE_PERIOD.toMillis()) / 2, TimeUnit.MILLISECONDS);
        long pointMs = TimelineSampler.period(options.interval()).toMillis();
        scheduler.scheduleAtFixedRate(this::timelinePoint, 0, pointMs, TimeUnit.MILLISECONDS);
    }

    private void timelinePoint() {
        try {
            Weaving t;
            synchronized (this) { t = instrumentation; }
            timeline.sample(current.get(), Instant.now(), t == null ? Map.of() : t.queueDepths());
        } catch (Throwable e) {
            faults.record("timeline sampler", e);
        }
    }

    /** Starts JFR streaming (the slow part, ~0.4 s); a JVM without JFR still gets the MXBean-based figures. */
    void startJfr() {
        JfrCollector c = null;
        try {
            c = new JfrCollector(JfrCollector.defaultHandlers(), current::get, faults);
            c.start();
            if (!c.missingEvents().isEmpty()) note("JFR events missing on this JVM: " + c.missingEvents());
        } catch (Throwable t) {
            faults.record("jfr start", t);
            note("JFR streaming unavailable (" + t + "): CPU samples, allocation sites, monitor waits and socket reads are missing");
        }
        synchronized (this) {
            if (!closed) { jfr = c; return; }
        }
        if (c != null) c.close();  // stopped while JFR was starting
    }

    /**
     * Weaves thread pools, java.util.concurrent locks, Thread.start, file streams and InetAddress (retransforming the
     * classes already loaded). Without it the rules that need it stay silent; everything else works.
     */
    void startInstrumentation(Instrumentation inst) {
        Weaving t = null;
        long started = System.nanoTime();
        try {
            String bridge = BootstrapJar.inject(inst);
            t = Weaving.install(inst);
            LOG.info("Woven {} JDK classes in {} ms (bridge {})", t.wovenClasses(), (System.nanoTime() - started) / 1_000_000, bridge);
        } catch (Throwable e) {
            faults.record("instrumentation", e);
            note("Weaving of the JDK unavailable (" + e + "): thread pools, j.u.c. locks, thread start sites, tiny file calls"
                    + " and host name look-ups are not seen");
        }
        synchronized (this) {
            if (!closed) { instrumentation = t; return; }
        }
        if (t != null) t.close();  // stopped while weaving
    }

    private synchronized void note(String note) { if (notes.size() < 20) notes.add(note); }

    private synchronized List<String> notes() { return List.copyOf(notes); }

    /** One thread dump, then the next one scheduled so that dumps never take more than 1% of the time. */
    private void pollThreads() {
        long started = System.nanoTime();
        try {
            threadStates.poll(Instant.now());
        } catch (Throwable t) {
            faults.record("thread sampler", t);
        }
        try {
            scheduler.schedule(this::pollThreads, nextThreadPoll(options.interval(), System.nanoTime() - started), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closing
        }
    }

    private void sampleBusyThreads(WindowBuilder window, Instant now) {
        try {
            busyThreads.sample(window, now);
        } catch (Throwable t) {
            faults.record("busy thread sampler", t);
        }
    }

    static long nextThreadPoll(Duration interval, long lastDumpNanos) {
        long base = Math.min(interval.toNanos(), THREAD_SAMPLE_PERIOD.toNanos());
        return Math.max(base, lastDumpNanos * THREAD_DUMP_COST_SHARE);
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
            sampleBusyThreads(closing, now);
            sampleInstrumentation(closing);
            try {
                deadlocks.sample(closing);
            } catch (Throwable t) {
                faults.record("deadlock sampler", t);
            }
            try {
                if (descriptorsLeak) descriptorKinds.sample(closing);
            } catch (Throwable t) {
                faults.record("descriptor kinds", t);
            }
            Window window = closing.build(now, List.copyOf(history));
            history.addLast(window.jvm());
            while (history.size() > HISTORY_WINDOWS) history.removeFirst();
            Diagnosis diagnosis = classifier.classify(window);
            requestLeakCandidates(diagnosis);
            descriptorsLeak = diagnosis.findings().stream().anyMatch(f -> f.rule().equals(FD_LEAK_RULE));
            long errors = faults.count();
            AgentStats stats = new AgentStats(Version.get(), loadedBy, window.eventsSeen(), window.eventsDropped(),
                    selfCpu.sinceLastMs(), errors - errorsReported, notes());
            errorsReported = errors;
            writer.write(Report.of(writer.nextSequence(), identity(), window, diagnosis, stats));
        } catch (Throwable t) {  // a full disk, a bug: this window is lost, the next one tries again
            faults.record("report", t);
        } finally {
            tickLock.unlock();
        }
    }

    private void sampleInstrumentation(WindowBuilder window) {
        Weaving t;
        synchronized (this) { t = instrumentation; }
        if (t == null) return;
        try {
            t.sample(window);
        } catch (Throwable e) {
            faults.record("instrumentation sampler", e);
        }
        long failures = t.failures();  // inside advice: caught there, the application never saw them
        if (failures > instrumentationFailuresLogged) {
            Throwable first = t.firstFailure();
            faults.record("instrumentation advice", first != null ? first : new IllegalStateException(failures + " failures"));
            instrumentationFailuresLogged = failures;
        }
    }

    /** While the live set grows, ask JFR for its surviving samples each window: they name what leaks in the next report. */
    private void requestLeakCandidates(Diagnosis diagnosis) {
        JfrCollector c;
        synchronized (this) { c = jfr; }
        if (c != null && diagnosis.findings().stream().anyMatch(f -> f.rule().equals(LEAK_RULE))) c.requestOldObjects();
    }

    private JvmIdentity identity() {
        String command = System.getProperty("sun.java.command", "");
        String main = command.isBlank() ? "(unknown)" : command.split(" ", 2)[0];
        return new JvmIdentity(pid, System.getProperty("java.version"), System.getProperty("java.vendor"), main,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Stops the schedules, writes the final report (waiting at most {@code timeout} for a tick in progress), closes JFR. */
    void close(String reason, Duration timeout) {
        JfrCollector c;
        Weaving woven;
        synchronized (this) {
            if (closed) return;
            closed = true;
            c = jfr;
            woven = instrumentation;
        }
        scheduler.shutdownNow();
        try {
            if (tickLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
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
        if (c != null) c.close();
        if (woven != null) {
            try {
                LOG.info("Instrumentation removed: {} classes retransformed to their original bytes", woven.close());
            } catch (Throwable t) {
                faults.record("instrumentation removal", t);
            }
        }
        StackFrames.clear();
    }
}
