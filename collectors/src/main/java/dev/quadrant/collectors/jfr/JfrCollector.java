package dev.quadrant.collectors.jfr;

import dev.quadrant.collectors.AgentThreads;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.JvmExit;
import dev.quadrant.core.WindowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams JFR events in-process with an explicit event set (nothing else is enabled) and hands each to its
 * handler. Events this JVM does not have are skipped, so JDK 21+ events simply light up on newer JDKs.
 */
public final class JfrCollector implements AutoCloseable {
    static final Duration MAX_AGE = Duration.ofMinutes(2);  // the disk repository holds chunks we have already read
    static final long MAX_SIZE_BYTES = 32L * 1024 * 1024;
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    private static final Logger LOG = LoggerFactory.getLogger(JfrCollector.class);

    private final List<JfrHandler> handlers;
    private final Supplier<WindowBuilder> window;
    private final Faults faults;
    private volatile RecordingStream stream;
    private volatile List<String> enabled = List.of();
    private volatile List<String> missing = List.of();
    private final CountDownLatch flushed = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile Instant endedAt;
    private volatile String endReason;
    private volatile long recordingId = -1;
    private volatile Instant deliveringSince;

    public JfrCollector(List<JfrHandler> handlers, Supplier<WindowBuilder> window, Faults faults) {
        this.handlers = List.copyOf(handlers);
        this.window = window;
        this.faults = faults;
    }

    static final String VIRTUAL_PINNED = "jdk.VirtualThreadPinned";

    public static List<JfrHandler> defaultHandlers() {
        GcJoin gc = new GcJoin();
        return List.of(new ExecutionSampleHandler(), new ObjectAllocationSampleHandler(), new JavaMonitorEnterHandler(),
                new SocketReadHandler(), new SocketWriteHandler(), FileIoHandler.reads(), FileIoHandler.writes(), FileIoHandler.forces(),
                new GarbageCollectionHandler(gc), new GcHeapSummaryHandler(gc), new ExceptionStatisticsHandler(),
                new DeoptimizationHandler(), new CodeCacheFullHandler(), new CompilationFailureHandler(), new OldObjectSampleHandler(),
                new VirtualThreadPinnedHandler());
    }

    /**
     * Asks the JVM for its leak profiler's samples: they are written only when a recording stops, so a recording of just
     * that event is started and stopped (1-15 ms, measured); the stream delivers the samples a flush later.
     */
    public void requestOldObjects() {
        if (stream == null || !enabled.contains(OLD_OBJECT_SAMPLE) || JvmExit.inProgress()) return;
        try (Recording r = new Recording()) {
            r.setName(Threads.AGENT_THREAD_PREFIX + "old-objects");
            r.enable(OLD_OBJECT_SAMPLE).with("cutoff", OldObjectSampleHandler.CUTOFF);
            r.setToDisk(true);
            r.start();
            r.stop();
        } catch (Throwable t) {
            faults.record("jfr old objects", t);
        }
    }

    /** Starts streaming on a daemon thread of its own; returns once the stream is set up. */
    public void start() {
        FlightRecorder recorder = FlightRecorder.getFlightRecorder();
        Set<String> available = recorder.getEventTypes().stream().map(EventType::getName).collect(Collectors.toSet());
        Set<Long> before = recorder.getRecordings().stream().map(Recording::getId).collect(Collectors.toSet());
        RecordingStream rs = new RecordingStream();
        // the stream does not name its recording; it is the one that was not there before
        recordingId = recorder.getRecordings().stream().map(Recording::getId).filter(id -> !before.contains(id)).findFirst().orElse(-1L);
        rs.setMaxAge(MAX_AGE);
        rs.setMaxSize(MAX_SIZE_BYTES);
        List<String> on = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (JfrHandler h : handlers) {
            if (!available.contains(h.event())) {
                if (!h.event().equals(VIRTUAL_PINNED) || Runtime.version().feature() >= 21) off.add(h.event());  // no virtual threads before 21
                continue;
            }
            h.configure(rs.enable(h.event()));
            rs.onEvent(h.event(), e -> dispatch(h, e));
            on.add(h.event());
        }
        rs.onError(t -> faults.record("jfr stream", t));
        rs.onFlush(this::flushed);
        enabled = List.copyOf(on);
        missing = List.copyOf(off);
        if (!off.isEmpty()) LOG.info("JFR events not on this JVM, their rules get no data: {}", off);
        stream = rs;
        AgentThreads.create("jfr", () -> run(rs), true, faults).start();
        LOG.info("JFR streaming {}", on);
    }

    private void flushed() {
        if (deliveringSince == null) deliveringSince = Instant.now();
        flushed.countDown();
    }

    /**
     * Since when the stream delivers events (its first flush), null before: a window that began earlier may lack the
     * JFR events of its first moments.
     */
    public Instant deliveringSince() { return deliveringSince; }

    private void run(RecordingStream rs) {
        String why = "its recording was stopped from outside, e.g. jcmd JFR.stop";
        try {
            rs.start();
        } catch (Throwable e) {
            faults.record("jfr stream", e);
            why = e.toString();
        }
        if (closing || JvmExit.inProgress()) return;
        endReason = why;
        endedAt = Instant.now();
    }

    /**
     * When the stream ended without {@link #close}, null while it runs. An operator's {@code jcmd JFR.stop} ends it on
     * JDK 17; on JDK 25 the stream stays open and silent, so its recording is looked for too (then it is closed here).
     */
    public Instant endedAt() {
        if (endedAt == null && stream != null && recordingId >= 0 && !recordingRuns()) {
            endReason = "its recording was stopped from outside, e.g. jcmd JFR.stop";
            endedAt = Instant.now();
            RecordingStream rs = stream;
            if (rs != null) {
                closing = true;
                rs.close();
            }
        }
        return endedAt;
    }

    private boolean recordingRuns() {
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getId() == recordingId) return r.getState() == jdk.jfr.RecordingState.RUNNING || r.getState() == jdk.jfr.RecordingState.NEW
                    || r.getState() == jdk.jfr.RecordingState.DELAYED;
        }
        return false;
    }

    public String endReason() { return endReason; }

    private void dispatch(JfrHandler handler, jdk.jfr.consumer.RecordedEvent e) {
        WindowBuilder w = window.get();
        try {
            handler.accept(e, w);
        } catch (Throwable t) {
            w.dropped(1);
            faults.record("jfr handler " + handler.event(), t);
        }
    }

    /** Waits until the stream has delivered its first flush, i.e. it records and dispatches. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return flushed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<String> enabledEvents() { return enabled; }

    public List<String> missingEvents() { return missing; }

    @Override public void close() {
        closing = true;
        RecordingStream rs = stream;
        stream = null;
        if (rs != null) {
            try {
                rs.close();
            } catch (Throwable t) {
                faults.record("jfr close", t);
            }
        }
    }
}
