package dev.quadrant.collectors.instrument;

import dev.quadrant.bootstrap.Bridge;
import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.jfr.Threads;
import dev.quadrant.core.Frames;
import dev.quadrant.core.ThreadsEvidenceBuilder;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.HostLookups;
import dev.quadrant.core.evidence.LiveThreads;
import dev.quadrant.core.evidence.Timeline;
import dev.quadrant.core.evidence.TinyIo;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What JFR cannot see, through advice woven into the JDK: thread pools, java.util.concurrent locks, thread creation
 * sites, tiny file reads and writes, host name look-ups. The woven paths only stamp and count; everything that takes
 * a pool's lock (its getters) runs here, on the agent's tick. Load this class only after {@link BootstrapJar#inject}:
 * it links against the bridge.
 */
public final class WovenProbes implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(WovenProbes.class);

    static final int MAX_GROUPS = ThreadsEvidenceBuilder.MAX_THREAD_GROUPS;
    static final int EXAMPLES = 3;

    private final Instrumentation inst;
    private final Recorder recorder = new Recorder();
    private final dev.quadrant.bootstrap.Hooks hooks = FailingHooks.orElse(new ApplicationThreadsOnly(recorder));
    private final Weaver weaver;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<List<String>, Integer> previousGroups = Map.of();
    private long lastTickNanos = System.nanoTime();
    private boolean hookPaused;

    private WovenProbes(Instrumentation inst, ClassLoadGate gate) {
        this.inst = inst;
        // Quadrant's own (relocated) ByteBuddy must not touch sun.misc.Unsafe: JDK 24+ prints a warning into the application's output.
        System.setProperty(net.bytebuddy.dynamic.loading.ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        recorder.warmUp();
        Bridge.install(hooks);
        Weaver w;
        try {
            w = new Weaver(inst, gate);
        } catch (RuntimeException | Error e) {
            Bridge.uninstall(hooks);
            throw e;
        }
        weaver = w;
    }

    /**
     * Weaves (the classes already loaded are retransformed); call {@link BootstrapJar#inject} first. {@code gate}: the
     * transformer installed before main, opened here, or null.
     */
    public static WovenProbes install(Instrumentation inst, ClassLoadGate gate) { return new WovenProbes(inst, gate); }

    /** How many classes were woven, and the first weaving or advice failure (null if none), for the agent's log. */
    public long wovenClasses() { return weaver.woven(); }

    public long failures() { return weaver.errors() + Bridge.failures(); }

    public Throwable firstFailure() { return weaver.firstError() != null ? weaver.firstError() : Bridge.firstFailure(); }

    /** Queue depth of the pools with the deepest queues right now (pools of one name summed), for the timeline. */
    public synchronized Map<String, Long> queueDepths() {
        Map<String, Long> depth = new HashMap<>();
        for (PoolState p : recorder.pools.expunge()) {
            Object pool = p.get();
            PoolKind kind = PoolKind.of(pool);
            if (kind != null) depth.merge(PoolNames.name(p, pool), kind.queued(pool), Long::sum);
        }
        return Timeline.deepest(depth);
    }

    @Override public String name() { return "instrumentation sampler"; }

    @Override public void sample(WindowBuilder window, Tick tick) { sample(window); }

    /** Adds the pools, lock waits, live thread groups, small file calls and host look-ups of the closing window. */
    public synchronized void sample(WindowBuilder window) {
        long now = System.nanoTime();
        recorder.pools.getOrRegister(ForkJoinPool.commonPool());
        for (PoolState p : recorder.pools.expunge()) {
            Object pool = p.get();
            PoolKind kind = PoolKind.of(pool);
            if (kind != null) window.threads().pool(kind.read(p, pool, now, lastTickNanos));
        }
        for (LockWaits.Snapshot l : recorder.locks.drain()) {
            window.threads().lockWaits(l.lockClass(), l.identity(), l.waits(), Duration.ofNanos(l.totalNanos()), Duration.ofNanos(l.longestNanos()),
                    l.threadCount(), l.threads(), l.longestWaiter(), l.stack());
        }
        window.dropped(recorder.locks.takeDropped());
        threadGroups(window);
        tinyFileCalls(window);
        for (Lookups.Snapshot l : recorder.lookups.drain()) {
            window.io().hostLookups(new HostLookups(l.host(), l.lookups(), l.resolved(), Duration.ofNanos(l.resolvedNanos()),
                    Duration.ofNanos(l.longestNanos()), l.failures(), l.failure(), l.slowestThread(), l.stack()));
        }
        window.dropped(recorder.lookups.takeDropped());
        for (OpenFiles.Site s : recorder.openFiles.stillOpen()) window.io().openFileSite(new dev.quadrant.core.evidence.OpenFileSite(s.site(), s.open(), s.stack()));
        window.dropped(recorder.openFiles.takeDropped());
        lastTickNanos = now;
    }

    /** Each sampled site's calls are its share of the samples times all small calls of its kind. */
    private void tinyFileCalls(WindowBuilder window) {
        FileCalls.Snapshot s = recorder.files.drain();
        window.io().tinyFileCalls(s.reads(), s.writes(), s.bytes());
        long readSamples = s.sites().stream().filter(x -> x.operation().equals("read")).mapToLong(FileCalls.SiteSnapshot::samples).sum();
        long writeSamples = s.sites().stream().filter(x -> x.operation().equals("write")).mapToLong(FileCalls.SiteSnapshot::samples).sum();
        for (FileCalls.SiteSnapshot site : s.sites()) {
            boolean write = site.operation().equals("write");
            long samples = write ? writeSamples : readSamples;
            long calls = Math.round((write ? s.writes() : s.reads()) * (double) site.samples() / samples);
            window.io().tinyFileSite(new TinyIo.Site(site.site(), site.path(), site.operation(), calls,
                    (double) site.sampledBytes() / site.samples(), site.stack()));
        }
        window.dropped(recorder.files.takeDropped());
    }

    /** Live platform threads grouped by name pattern and creation site, largest growth first. */
    private void threadGroups(WindowBuilder window) {
        ThreadInfo[] infos = dev.quadrant.collectors.mxbean.ThreadSnapshots.states(threads);
        Set<Long> live = new HashSet<>(infos.length * 2);
        Map<List<String>, Group> groups = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info == null) continue;
            live.add(info.getThreadId());
            if (info.getThreadName().startsWith(Threads.AGENT_THREAD_PREFIX)) continue;
            List<String> stack = recorder.threads.siteOf(info.getThreadId());
            String pattern = PoolNames.namePattern(info.getThreadName());
            String site = stack == null ? "" : Frames.firstApplicationFrame(stack);
            Group g = groups.computeIfAbsent(List.of(pattern, site), k -> new Group(stack));
            g.live++;
            if (g.examples.size() < EXAMPLES) g.examples.add(info.getThreadName());
        }
        recorder.threads.retainLive(live);
        Map<List<String>, Integer> counts = new HashMap<>();
        List<LiveThreads> out = new ArrayList<>();
        groups.forEach((key, g) -> {
            counts.put(key, g.live);
            int change = g.live - previousGroups.getOrDefault(key, 0);
            out.add(new LiveThreads(key.get(0), key.get(1), g.stack == null ? List.of() : g.stack, g.live, change, List.copyOf(g.examples)));
        });
        previousGroups = counts;
        out.sort(Comparator.comparingInt(LiveThreads::change).thenComparingInt(LiveThreads::live).reversed());
        out.stream().limit(MAX_GROUPS).forEach(window.threads()::liveThreads);
    }

    private static final class Group {
        final List<String> stack;
        int live;
        final List<String> examples = new ArrayList<>();

        Group(List<String> stack) { this.stack = stack; }
    }

    /** While the heap is nearly full: no transformer on the class-load path (what is woven stays woven and recording). */
    public synchronized void pauseClassLoadHook() {
        if (hookPaused) return;
        weaver.detach(inst);
        hookPaused = true;
    }

    public synchronized void resumeClassLoadHook() {
        if (!hookPaused) return;
        weaver.reattach(inst);
        hookPaused = false;
    }

    /** Turns the advice into no-ops at once: nothing is recorded any more, the woven classes stay as they are. */
    public void quiesce() { Bridge.uninstall(hooks); }

    /** Turns the advice into no-ops at once, then retransforms the woven classes back to their original bytes. */
    @Override public void close() {
        Bridge.uninstall(hooks);
        int restored = weaver.remove(inst);
        CallerStacks.clear();
        LOG.info("Instrumentation removed: {} classes retransformed to their original bytes", restored);
    }
}
