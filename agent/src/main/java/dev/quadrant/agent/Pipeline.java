package dev.quadrant.agent;

import dev.quadrant.agent.log.LogFile;
import dev.quadrant.collectors.AgentThreads;
import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.JvmExit;
import dev.quadrant.collectors.instrument.BootstrapJar;
import dev.quadrant.collectors.instrument.ClassLoadGate;
import dev.quadrant.collectors.instrument.WovenProbes;
import dev.quadrant.collectors.jfr.StackFrames;
import dev.quadrant.collectors.mxbean.HeapAfterGc;
import dev.quadrant.collectors.mxbean.EventLoopSampler;
import dev.quadrant.collectors.mxbean.ThreadStateSampler;
import dev.quadrant.collectors.mxbean.VirtualThreadSampler;
import dev.quadrant.collectors.mxbean.TimelineSampler;
import dev.quadrant.core.AgentStats;
import dev.quadrant.core.RuleRunner;
import dev.quadrant.core.Diagnosis;
import dev.quadrant.core.JvmIdentity;
import dev.quadrant.core.Report;
import dev.quadrant.core.RuleCatalog;
import dev.quadrant.core.Window;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.JvmSample;
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
    static final Duration PRESSURE_CHECK_PERIOD = Duration.ofMillis(100);  // a few getters; a GC's figures only after a GC
    static final long THREAD_DUMP_COST_SHARE = 100;  // a dump stops the JVM at a safepoint: wait 100x its duration before the next
    static final String DYNAMIC_LOAD_NOTE = "Attached to a running JVM: on JDK 21+ the JVM warns about agents loaded this way (JEP 451)"
            + " and a future JDK may refuse them. Start the JVM with -javaagent:/path/quadrant-agent.jar=OPTIONS instead,"
            + " or allow it explicitly with -XX:+EnableDynamicAgentLoading.";
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Options options;
    private final String loadedBy;
    private final long pid = ProcessHandle.current().pid();
    private final ReportSink reports;
    private final Faults faults = new Faults();
    private final AtomicReference<WindowBuilder> current;
    private final EventLoopSampler eventLoops = new EventLoopSampler();
    private final ThreadStateSampler threadStates = new ThreadStateSampler(eventLoops);
    private final VirtualThreadSampler virtualThreads = new VirtualThreadSampler();
    private final TimelineSampler timeline = new TimelineSampler();
    private final ThreadDumpCost dumpCost = new ThreadDumpCost();
    private final JfrStream jfr;
    private final CollectorCatalogue collectors;
    private final RuleRunner rules = new RuleRunner(RuleCatalog.all());
    private final ArrayDeque<JvmSample> history = new ArrayDeque<>();
    private final SelfCpu selfCpu = new SelfCpu();
    private final ReentrantLock tickLock = new ReentrantLock();
    private final List<String> notes = new ArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private WovenProbes instrumentation;
    private long instrumentationFailuresLogged;
    private boolean closed;
    private long errorsReported;
    private volatile String startStage = "starting";  // what the start thread is busy with, for the line a stop that gives up writes
    private volatile String tickStage;                // what the tick is busy with; null between ticks
    private final HeapAfterGc heapAfterGc = new HeapAfterGc();
    private final SelfProtection protection = new SelfProtection();
    private final long pointNanos;
    private long lastCheckNanos;                // when the pressure check last ran (the scheduler's one thread only)
    private volatile long lastTickEndNanos;
    private String lostRepository;              // the JFR repository last seen deleted (said once)
    private boolean securityChecked;            // a security manager's permissions were looked at
    private volatile boolean inert;             // a security manager denies the agent its reports or MXBeans

    Pipeline(Options options, String loadedBy, Instant windowStart) throws IOException {
        this.options = options;
        this.loadedBy = loadedBy;
        this.reports = new ReportSink(options, faults, this::note);
        LogFile.open(reports.dir());
        LOG.info("Quadrant {} starting ({}), reports every {} in {}", Version.get(), loadedBy, options.interval(), reports.dir().toAbsolutePath());
        this.current = new AtomicReference<>(new WindowBuilder(pid, windowStart));
        if (AgentStats.ATTACHED_LATER.equals(loadedBy) && Runtime.version().feature() >= 21) note(DYNAMIC_LOAD_NOTE);
        this.jfr = new JfrStream(current::get, faults, this::note);
        this.collectors = CollectorCatalogue.standard(threadStates, eventLoops, virtualThreads, jfr, faults, dumpCost);
        collectors.baseline(new WindowBuilder(pid, windowStart), new Collector.Tick(windowStart, false));
        selfCpu.sinceLastMs();
        scheduler = new ScheduledThreadPoolExecutor(1, r -> AgentThreads.create("tick", r, true, faults));
        pointNanos = TimelineSampler.period(options.interval()).toNanos();
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void startSchedules() {
        long periodMs = options.interval().toMillis();
        scheduler.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        scheduler.schedule(this::pollThreads, Math.min(periodMs, THREAD_SAMPLE_PERIOD.toMillis()) / 2, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::timelinePoint, 0, pointNanos, TimeUnit.NANOSECONDS);
        // fixed delay, not rate: after a stall the check runs once, late, instead of catching up in a burst of "late" runs
        scheduler.scheduleWithFixedDelay(this::checkPressure, 0, PRESSURE_CHECK_PERIOD.toNanos(), TimeUnit.NANOSECONDS);
        scheduler.scheduleWithFixedDelay(this::pollEventLoops, EventLoopSampler.PERIOD.toNanos(), EventLoopSampler.PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The event loops' stacks (none read until the thread sampler has found a loop). */
    private void pollEventLoops() {
        if (protection.shedding()) return;
        try {
            eventLoops.poll(Instant.now());
        } catch (Throwable t) {
            faults.record("event loops", t);
        }
    }

    /**
     * Whether the host is in trouble: how full the heap was after the latest GC (read only when there was one), how late
     * this timer fired. Often, because a cache can fill the last tenth of a small heap within a second.
     */
    private void checkPressure() {
        long now = System.nanoTime();
        try {
            // the tick shares this thread: time it spent is not the host's starvation
            long due = lastCheckNanos == 0 ? now : Math.max(lastCheckNanos + PRESSURE_CHECK_PERIOD.toNanos(), lastTickEndNanos);
            double heap = heapAfterGc.occupancy();  // first: it reads the latest collection, which afterFullCollection describes
            protection.observe(heap, heapAfterGc.afterFullCollection(), Math.max(0, now - due), now);
            if (protection.runningOut()) pauseForMemory();
        } catch (Throwable e) {
            faults.record("self-protection", e);
        }
        lastCheckNanos = System.nanoTime();
    }

    /** A point of the timeline; none while the host is in trouble (the heap nearly full, the process starved of CPU). */
    private void timelinePoint() {
        if (protection.shedding()) return;
        try {
            WovenProbes t;
            synchronized (this) { t = instrumentation; }
            timeline.sample(current.get(), Instant.now(), t == null ? Map.of() : t.queueDepths());
        } catch (Throwable e) {
            faults.record("timeline sampler", e);
        }
    }

    /** Starts JFR streaming (the slow part, ~0.4 s); a JVM without JFR still gets the MXBean-based figures. */
    void startJfr() {
        startStage = "starting JFR";
        jfr.start();
    }

    /**
     * The heap is running out: the JFR stream (its parser allocates for every event) is closed and the transformer
     * taken off the class-load path until it has room again; the tick resumes both.
     */
    private void pauseForMemory() {
        WovenProbes w;
        synchronized (this) {
            if (closed) return;
            w = instrumentation;
        }
        if (w != null) w.pauseClassLoadHook();
        jfr.pauseForMemory(protection.reason());
    }

    /** After a pause for memory: the class-load hook and the stream back. */
    private void resumeAfterPressure() {
        WovenProbes w;
        synchronized (this) {
            if (closed) return;
            w = instrumentation;
        }
        if (w != null) w.resumeClassLoadHook();
        jfr.resume();
    }

    /**
     * A security manager installed by the application (JDK 17-23) may deny the agent what it needs: checked once, then
     * the parts it denies are turned off and said once on stderr. Without its reports or its MXBeans the agent stops
     * working altogether (the stop command still ends it). Returns whether the agent is now off.
     */
    private boolean securityManagerDenies() {
        if (securityChecked || !SecurityCheck.installed()) return inert;
        securityChecked = true;
        Map<String, java.security.Permission> denied = SecurityCheck.denied(reports.dir());
        if (denied.isEmpty()) return false;
        boolean stop = denied.containsKey(SecurityCheck.REPORTS) || denied.containsKey(SecurityCheck.MXBEANS);
        System.err.println(SecurityCheck.line(denied, stop));
        WovenProbes w;
        synchronized (this) { w = instrumentation; }
        if (stop || denied.containsKey(SecurityCheck.JFR)) jfr.close();
        if (stop) {
            if (w != null) w.quiesce();
            inert = true;
            scheduler.shutdown();
        }
        return inert;
    }

    /**
     * A JFR repository deleted under a running JVM (a /tmp cleaner, an operator): JFR makes a new one at its next chunk
     * and loses the chunk it was writing, for every recording to disk; the stream reads on. Said once per repository.
     */
    private void noticeLostRepository() {
        String repository = System.getProperty("jdk.jfr.repository");
        if (repository == null || repository.equals(lostRepository) || java.nio.file.Files.isDirectory(java.nio.file.Path.of(repository))) return;
        lostRepository = repository;
        note("The JFR repository " + repository + " was deleted at about " + Instant.now() + ": JFR loses the chunk it was writing"
                + " for every recording to disk; Quadrant's stream reads on");
        LOG.warn("The JFR repository {} was deleted", repository);
    }

    /** What weaving gave: the probes, or why there are none. */
    record Woven(WovenProbes probes, Throwable failure, String bridge, long millis, ClassLoadGate gate) {
        long heldMillis() { return gate == null ? 0 : gate.heldMillis(); }

        /** Unused after all (the agent stopped before its pipeline took them): quiet at once, unwoven unless the JVM exits. */
        void release() {
            if (probes == null) return;
            probes.quiesce();
            if (!JvmExit.inProgress()) probes.close();
        }
    }

    /** Injects the bridge and weaves, opening {@code gate} (null when attached later); never throws. */
    static Woven weave(Instrumentation inst, ClassLoadGate gate) {
        long started = System.nanoTime();
        try {
            String bridge = BootstrapJar.inject(inst);
            WovenProbes t = WovenProbes.install(inst, gate);
            return new Woven(t, null, bridge, (System.nanoTime() - started) / 1_000_000, gate);
        } catch (Throwable e) {
            if (gate != null) {
                gate.release();
                inst.removeTransformer(gate);
            }
            return new Woven(null, e, null, (System.nanoTime() - started) / 1_000_000, gate);
        }
    }

    /**
     * Weaves thread pools, java.util.concurrent locks, Thread.start, file streams and InetAddress (retransforming the
     * classes already loaded). Without it the rules that need it stay silent; everything else works. {@code early}: the
     * weaving done before the pipeline was built (a -javaagent start, for the gate), or null to weave here.
     */
    void startInstrumentation(Instrumentation inst, Woven early) {
        WovenProbes t = null;
        startStage = "weaving";
        boolean closedAlready;
        synchronized (this) {
            closedAlready = closed;
        }
        if (closedAlready || JvmExit.inProgress()) {  // retransforming JDK classes while the JVM shuts down helps no one
            if (early != null) early.release();
            return;
        }
        Woven w = early != null ? early : weave(inst, null);
        if (w.probes() != null) {
            t = w.probes();
            LOG.info("Woven {} classes in {} ms (bridge {}){}", t.wovenClasses(), w.millis(), w.bridge(),
                    early != null ? "; the application's pool classes waited " + early.heldMillis() + " ms for it" : "");
        } else {
            faults.record("instrumentation", w.failure());
            note("Weaving of the JDK unavailable (" + w.failure() + "): thread pools, j.u.c. locks, thread start sites, tiny file calls"
                    + " and host name look-ups are not seen");
        }
        startStage = "running";
        synchronized (this) {
            if (!closed) {
                instrumentation = t;
                if (t != null) collectors.add(t);
                return;
            }
        }
        if (t == null) return;
        t.quiesce();  // stopped while weaving: the advice goes quiet at once
        if (!JvmExit.inProgress()) t.close();
    }

    private synchronized void note(String note) { if (notes.size() < 20) notes.add(note); }

    private synchronized List<String> notes() { return List.copyOf(notes); }

    /** One thread dump, then the next one scheduled so that dumps never take more than 1% of the time. */
    private void pollThreads() {
        long took = 0;
        if (!protection.shedding()) {
            long started = System.nanoTime();
            try {
                threadStates.poll(Instant.now());
            } catch (Throwable t) {
                faults.record("thread sampler", t);
            }
            took = System.nanoTime() - started;
            dumpCost.dumped(took);
            try {
                virtualThreads.poll(Instant.now());  // keeps its own budget: its dump is not this poll's safepoint
            } catch (Throwable t) {
                faults.record("virtual threads", t);
            }
        }
        long next = nextThreadPoll(options.interval(), took);
        dumpCost.period(next);
        try {
            scheduler.schedule(this::pollThreads, next, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closing
        }
    }

    private long longestHoldNanos() { return Math.max(SelfProtection.LONGEST_HOLD.toNanos(), options.interval().toNanos()); }

    private static long basePollNanos(Duration interval) { return Math.min(interval.toNanos(), THREAD_SAMPLE_PERIOD.toNanos()); }

    static long nextThreadPoll(Duration interval, long lastDumpNanos) {
        return Math.max(basePollNanos(interval), lastDumpNanos * THREAD_DUMP_COST_SHARE);
    }

    /** Closes the current window and writes its report. */
    void tick() { tick(false); }

    /** The last report (at a stop or JVM exit) asks nothing for a next window: no leak-candidate recording, no descriptor listing. */
    private void tick(boolean last) {
        // the heap running out: the window stays open (its tables are capped) until a tick finds room, the hold has
        // lasted long enough that the full heap itself must be reported, or the last tick
        if (!last && protection.holdsReport(System.nanoTime(), longestHoldNanos())) return;
        tickLock.lock();
        try {
            if (!last && securityManagerDenies()) return;
            if (!last) {
                noticeLostRepository();
                jfr.restartIfEnded();
                if (!protection.runningOut()) resumeAfterPressure();
            }
            tickStage = "sampling";
            Instant now = Instant.now();
            WindowBuilder closing = current.getAndSet(new WindowBuilder(pid, now));
            collectors.sampleAll(closing, new Collector.Tick(now, last));
            reportAdviceFailures();
            tickStage = "building the window";
            Window window = closing.build(now, List.copyOf(history));
            if (protection.releaseHeld()) {
                note("Reports were held back from " + window.start() + " while the heap was running out: report "
                        + reports.nextSequence() + " covers the whole time");
            }
            history.addLast(window.jvm());
            while (history.size() > HISTORY_WINDOWS) history.removeFirst();
            tickStage = "classifying";
            Diagnosis diagnosis = rules.run(window);
            boolean shed = protection.shedding();
            if (!last && !shed) {
                tickStage = "requesting evidence for the next window";
                collectors.requestAll(rules.requests(diagnosis));
            }
            long errors = faults.count();
            AgentStats stats = new AgentStats(Version.get(), loadedBy, window.coverage().eventsSeen(), window.coverage().eventsDropped(),
                    selfCpu.sinceLastMs(), errors - errorsReported, notes(), protection.takeWindow(), dumpCost.takeWindow(basePollNanos(options.interval())));
            errorsReported = errors;
            tickStage = "writing report " + reports.nextSequence();
            // shedding: no call trees are built and no page drawn, the two allocations a report cannot do without otherwise
            reports.write(Report.of(reports.nextSequence(), identity(), window, diagnosis, stats, !shed), !shed);
        } catch (Throwable t) {  // a full disk, a bug: this window is lost, the next one tries again
            faults.record("report", t);
        } finally {
            tickStage = null;
            lastTickEndNanos = System.nanoTime();
            tickLock.unlock();
        }
    }

    /** What the agent is busy with right now. */
    String stage() {
        String t = tickStage;
        return t != null ? t : startStage;
    }

    /** Failures inside the advice, caught there (the application never saw them), counted once each. */
    private void reportAdviceFailures() {
        WovenProbes t;
        synchronized (this) { t = instrumentation; }
        if (t == null) return;
        long failures = t.failures();
        if (failures > instrumentationFailuresLogged) {
            Throwable first = t.firstFailure();
            faults.record("instrumentation advice", first != null ? first : new IllegalStateException(failures + " failures"));
            instrumentationFailuresLogged = failures;
        }
    }

    private JvmIdentity identity() {
        String command = System.getProperty("sun.java.command", "");
        String main = command.isBlank() ? "(unknown)" : command.split(" ", 2)[0];
        return new JvmIdentity(pid, System.getProperty("java.version"), System.getProperty("java.vendor"), main,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /**
     * Stops the schedules, writes the final report (waiting for a tick in progress until {@code deadline}, a
     * System.nanoTime()), then closes JFR and takes the weaving out, unless the JVM is exiting: JFR then closes itself,
     * and the woven classes, their advice switched off, go with the JVM.
     */
    void close(String reason, long deadline) {
        WovenProbes woven;
        synchronized (this) {
            if (closed) return;
            closed = true;
            woven = instrumentation;
        }
        jfr.freeze();
        scheduler.shutdownNow();
        if (woven != null) woven.quiesce();
        try {
            if (!inert && tickLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                try {
                    LOG.info("Stopping ({}): writing the final report", reason);
                    tick(true);
                } finally {
                    tickLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (JvmExit.inProgress()) return;
        startStage = "closing the collectors";  // JFR, then the weaving taken out
        collectors.closeAll();
        StackFrames.clear();
    }
}
