package dev.quadrant.collectors.mxbean;

import dev.quadrant.collectors.Collector;
import dev.quadrant.core.BlockingCalls;
import dev.quadrant.core.WindowBuilder;
import dev.quadrant.core.evidence.BlockedCall;
import dev.quadrant.core.evidence.BlockingKind;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual threads stuck in a call with no timeout (Future.get(), await(), an untimed socket read): ThreadMXBean does not
 * see virtual threads, so on JDK 21+ the JVM's JSON thread dump is read instead, and only once the JVM runs any (its
 * carrier threads exist). A dump costs in proportion to the threads, so it is taken every {@link #PERIOD} at most, and
 * waits {@link #COST_SHARE} times its own cost before the next. A virtual thread is tracked while it stays in the same
 * wait (same state and park blocker, or the same stack where the JDK names no blocker), from the first dump that saw it.
 */
public final class VirtualThreadSampler implements Collector {
    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration DISCOVERY_PERIOD = Duration.ofSeconds(10);
    static final long COST_SHARE = 100;
    static final long MAX_DUMP_BYTES = 4L << 20;    // a few thousand virtual threads; parsed into maps and strings it takes several times that of heap
    static final int MAX_TRACKED = 1024;
    static final int DEPTH = 48;
    static final int MAX_FAILURES = 3;

    private final Method dumpThreads;  // HotSpotDiagnosticMXBean.dumpThreads(String, ThreadDumpFormat), JDK 21+
    private final Object bean, json;
    private final Map<Long, Waiting> waits = new HashMap<>();
    private long nextDumpNanos, nextDiscoveryNanos;
    private boolean carriers;
    private int failures, dumps;

    private static final class Waiting {
        final String thread, key;
        final Instant since;
        List<String> stack;
        BlockingKind kind;
        boolean classified;

        Waiting(String thread, String key, Instant since, List<String> stack) {
            this.thread = thread;
            this.key = key;
            this.since = since;
            this.stack = stack;
        }
    }

    public VirtualThreadSampler() {
        Method m = null;
        Object b = null, format = null;
        try {
            Class<?> type = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            Class<?> formats = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            m = type.getMethod("dumpThreads", String.class, formats);
            b = ManagementFactory.getPlatformMXBean(type.asSubclass(java.lang.management.PlatformManagedObject.class));
            for (Object f : formats.getEnumConstants()) if (f.toString().equals("JSON")) format = f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            m = null;  // before JDK 21: no virtual threads
        }
        dumpThreads = format == null ? null : m;
        bean = b;
        json = format;
    }

    public boolean supported() { return dumpThreads != null && failures < MAX_FAILURES; }

    /** Looks for virtual threads' waits; cheap while the JVM has none. A failed dump is thrown, for the caller to count; after {@link #MAX_FAILURES} it stops. */
    public synchronized void poll(Instant now) {
        if (!supported()) return;
        long t = System.nanoTime();
        if (!carriers) {
            if (t - nextDiscoveryNanos < 0) return;
            nextDiscoveryNanos = t + DISCOVERY_PERIOD.toNanos();
            carriers = carriersExist();
            if (!carriers) return;
        }
        if (t - nextDumpNanos < 0) return;
        long started = System.nanoTime();
        try {
            track(dump(), now);
        } catch (Exception e) {
            failures++;
            waits.clear();  // not known any more: no stale waits growing in the reports
            throw new IllegalStateException("thread dump failed (" + failures + " of " + MAX_FAILURES + " allowed)", e);
        } finally {
            long took = System.nanoTime() - started;
            // the first dump also loads and compiles the JDK's dumper and this reader: it says nothing of the next ones' cost
            nextDumpNanos = System.nanoTime() + (dumps++ == 0 ? PERIOD.toNanos() : Math.max(PERIOD.toNanos(), took * COST_SHARE));
        }
    }

    /** The default scheduler's carriers are CarrierThreads, started with the first virtual thread. */
    static boolean carriersExist() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) if (all[i].getClass().getName().equals("jdk.internal.misc.CarrierThread")) return true;
        return false;
    }

    private Object dump() throws Exception {
        Path file = Files.createTempFile("quadrant-threads-", ".json");
        try {
            Files.delete(file);  // the JVM refuses to overwrite
            dumpThreads.invoke(bean, file.toString(), json);
            if (Files.size(file) > MAX_DUMP_BYTES) return Map.of();
            return ThreadDumpJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The virtual threads of one dump: a thread in the same wait as before keeps its start; its stack is classified once. */
    void track(Object dump, Instant now) {
        Map<Long, Waiting> next = new HashMap<>();
        for (Map<?, ?> t : virtualThreads(dump)) {
            if (next.size() >= MAX_TRACKED) break;
            long tid = Long.parseLong(String.valueOf(t.get("tid")));
            List<String> stack = frames(t.get("stack"));
            String key = t.get("state") + "|" + blocker(t) + "|" + (blocker(t).isEmpty() ? String.join("\n", stack) : "");
            Waiting w = waits.get(tid);
            if (w == null || !w.key.equals(key)) w = new Waiting(name(t, tid), key, now, stack);
            next.put(tid, w);
            if (!w.classified) {  // the dump brings the stack anyway: no need to wait before reading it
                w.classified = true;
                w.kind = BlockingCalls.isApplicationUntimedSocketRead(stack) ? BlockingKind.SOCKET_READ : BlockingCalls.untimedWait(stack);
                w.stack = stack;
            }
        }
        waits.clear();
        waits.putAll(next);
    }

    /** Threads marked virtual (JDK 25), or whose stack runs in VirtualThread (JDK 21 marks none). */
    static List<Map<?, ?>> virtualThreads(Object dump) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (!(dump instanceof Map<?, ?> root) || !(root.get("threadDump") instanceof Map<?, ?> td) || !(td.get("threadContainers") instanceof List<?> containers)) return out;
        for (Object c : containers) {
            if (!(c instanceof Map<?, ?> container) || !(container.get("threads") instanceof List<?> threads)) continue;
            for (Object o : threads) {
                if (!(o instanceof Map<?, ?> t)) continue;
                boolean virtual = Boolean.TRUE.equals(t.get("virtual")) || frames(t.get("stack")).stream().anyMatch(f -> f.startsWith("java.lang.VirtualThread."));
                if (virtual) out.add(t);
            }
        }
        return out;
    }

    /** Frames as the rest of the agent writes them: without the module ("java.base/"), at most {@link #DEPTH}. */
    static List<String> frames(Object stack) {
        List<String> out = new ArrayList<>();
        if (!(stack instanceof List<?> l)) return out;
        for (Object o : l) {
            if (out.size() >= DEPTH) break;
            String f = String.valueOf(o);
            int slash = f.indexOf('/'), paren = f.indexOf('(');
            out.add(slash >= 0 && (paren < 0 || slash < paren) ? f.substring(slash + 1) : f);
        }
        return out;
    }

    private static String blocker(Map<?, ?> t) {
        return t.get("parkBlocker") instanceof Map<?, ?> b ? String.valueOf(b.get("object")) : t.get("blockedOn") != null ? String.valueOf(t.get("blockedOn"))
                : t.get("waitingOn") != null ? String.valueOf(t.get("waitingOn")) : "";
    }

    private static String name(Map<?, ?> t, long tid) {
        String n = t.get("name") == null ? "" : String.valueOf(t.get("name"));
        return n.isEmpty() ? "virtual thread #" + tid : n;
    }

    @Override public String name() { return "virtual threads"; }

    /** The virtual threads still in an untimed call, with how long they have been seen in it. */
    @Override public synchronized void sample(WindowBuilder window, Tick tick) {
        for (Waiting w : waits.values()) {
            if (w.kind != null) window.threads().blockedCall(new BlockedCall(w.kind, w.thread, Duration.between(w.since, tick.now()), w.stack));
        }
    }
}
