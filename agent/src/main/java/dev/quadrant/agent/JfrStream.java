package dev.quadrant.agent;

import dev.quadrant.collectors.Collector;
import dev.quadrant.collectors.Faults;
import dev.quadrant.collectors.JvmExit;
import dev.quadrant.collectors.jfr.JfrCollector;
import dev.quadrant.core.EvidenceRequest;
import dev.quadrant.core.WindowBuilder;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JFR stream as one collector: started once (the slow part, ~0.4 s), closed while the heap runs out and started
 * again after, restarted when an operator's {@code jcmd JFR.stop} or a deleted repository ends it. Its handlers feed the
 * window as events arrive; at the tick it says since when the window is covered. Nothing starts or stops a recording
 * once the JVM exits: a recording started then never returns.
 */
final class JfrStream implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(JfrStream.class);

    private final Supplier<WindowBuilder> window;
    private final Faults faults;
    private final Consumer<String> note;
    private JfrCollector stream;  // null: not started, unavailable, paused or closed
    private boolean paused;       // closed for memory, to be started again
    private Instant pausedAt;
    private boolean frozen;       // the agent is stopping: nothing starts, pauses or restarts any more

    JfrStream(Supplier<WindowBuilder> window, Faults faults, Consumer<String> note) {
        this.window = window;
        this.faults = faults;
        this.note = note;
    }

    @Override public String name() { return "jfr"; }

    /** A JVM without JFR still gets the MXBean-based figures. */
    void start() {
        JfrCollector c = open();
        if (c != null && !c.missingEvents().isEmpty()) note.accept("JFR events missing on this JVM: " + c.missingEvents());
        synchronized (this) {
            if (!frozen) {
                stream = c;
                return;
            }
        }
        discard(c);  // stopped while JFR was starting
    }

    /** A new stream, or null when JFR is unavailable or the JVM is exiting. */
    private JfrCollector open() {
        if (JvmExit.inProgress()) return null;
        try {
            JfrCollector c = new JfrCollector(JfrCollector.defaultHandlers(), window, faults);
            c.start();
            return c;
        } catch (Throwable t) {
            faults.record("jfr start", t);
            note.accept("JFR streaming unavailable (" + t + "): CPU samples, allocation sites, monitor waits and socket reads are missing");
            return null;
        }
    }

    /** At exit JFR closes itself. */
    private static void discard(JfrCollector c) {
        if (c != null && !JvmExit.inProgress()) c.close();
    }

    /** The heap is running out: the stream (its parser allocates for every event) is closed until {@link #resume}. */
    void pauseForMemory(String reason) {
        JfrCollector c;
        synchronized (this) {
            if (frozen || stream == null) return;
            c = stream;
            stream = null;
            paused = true;
            pausedAt = Instant.now();
        }
        c.close();
        LOG.warn("The heap is running out ({}): JFR streaming paused until it has room", reason);
    }

    /** After a pause for memory: the stream back, and a note of what the pause cost. */
    void resume() {
        Instant since;
        synchronized (this) {
            if (frozen || !paused || JvmExit.inProgress()) return;
            since = pausedAt;
        }
        JfrCollector c = open();
        synchronized (this) {
            if (frozen) {
                discard(c);
                return;
            }
            stream = c;
            paused = false;
        }
        note.accept("JFR streaming was paused from " + since + " to " + Instant.now() + " while the heap was running out: CPU samples,"
                + " allocation sites, lock waits and I/O events of that time are missing");
        LOG.info("Heap pressure gone: JFR streaming resumed");
    }

    /** A stream that ended under us is started again, and what was lost said. Runs on the tick. */
    void restartIfEnded() {
        JfrCollector ended;
        synchronized (this) {
            ended = stream;
            if (frozen || ended == null || ended.endedAt() == null) return;
        }
        if (JvmExit.inProgress()) return;
        JfrCollector c = open();
        synchronized (this) {
            if (frozen || stream != ended) {
                discard(c);
                return;
            }
            stream = c;
        }
        String why = ended.endReason();
        if (c != null) {
            note.accept("The JFR stream ended at " + ended.endedAt() + " (" + why + ") and was restarted: JFR events from then until "
                    + Instant.now() + " are missing");
            LOG.warn("JFR stream ended ({}); restarted", why);
        } else {
            LOG.warn("JFR stream ended ({}); it could not be restarted", why);
        }
    }

    /** The agent is stopping: the stream goes on feeding the final window, but nothing starts, pauses or restarts. */
    synchronized void freeze() { frozen = true; }

    private synchronized JfrCollector current() { return stream; }

    @Override public void sample(WindowBuilder closing, Tick tick) {
        JfrCollector c = current();
        closing.jfrSince(c == null ? null : c.deliveringSince());
    }

    /** While the live set grows, JFR's surviving samples each window: they name what leaks in the next report. */
    @Override public void requested(Set<EvidenceRequest> wanted) {
        JfrCollector c = current();
        if (c != null && wanted.contains(EvidenceRequest.OLD_OBJECT_SAMPLES) && !JvmExit.inProgress()) c.requestOldObjects();
    }

    /** Closes the stream for good (a stop, or a security manager that denies JFR). */
    @Override public void close() {
        JfrCollector c;
        synchronized (this) {
            frozen = true;
            c = stream;
            stream = null;
        }
        discard(c);
    }
}
