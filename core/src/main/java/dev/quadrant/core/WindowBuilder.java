package dev.quadrant.core;

import dev.quadrant.core.evidence.CpuEvidence;
import dev.quadrant.core.evidence.IoEvidence;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.MemoryEvidence;
import dev.quadrant.core.evidence.ThreadsEvidence;
import dev.quadrant.core.evidence.Timeline;
import java.time.Instant;
import java.util.List;

/**
 * Aggregates the evidence of one window as it arrives, one part per dimension. Every table is capped: what does not fit
 * is counted as dropped, never kept, so a window costs the same memory however busy or long-running the service is.
 * Collectors call it from their own threads (each part has its own lock); once built, it takes nothing more.
 */
public final class WindowBuilder {
    static final int MAX_TIMELINE_POINTS = 600;  // the sampling period keeps a window near 120 points

    private final long pid;
    private final Instant start;
    private final Intake intake = new Intake();
    private final CpuEvidenceBuilder cpu = new CpuEvidenceBuilder(intake);
    private final MemoryEvidenceBuilder memory = new MemoryEvidenceBuilder(intake);
    private final ThreadsEvidenceBuilder threads = new ThreadsEvidenceBuilder(intake);
    private final IoEvidenceBuilder io = new IoEvidenceBuilder(intake);
    private final CappedList<Timeline.Point> points = new CappedList<>(MAX_TIMELINE_POINTS, intake);
    private final JvmSample.Builder jvm = new JvmSample.Builder();
    private volatile Instant jfrSince;

    public WindowBuilder(long pid, Instant start) {
        this.pid = pid;
        this.start = start;
    }

    public Instant start() { return start; }

    public CpuEvidenceBuilder cpu() { return cpu; }

    public MemoryEvidenceBuilder memory() { return memory; }

    public ThreadsEvidenceBuilder threads() { return threads; }

    public IoEvidenceBuilder io() { return io; }

    /** Levels sampled during the window, for its charts. */
    public void timelinePoint(Timeline.Point point) {
        synchronized (points) {
            if (intake.accept()) points.add(point);
        }
    }

    /** The MXBean part; samplers fill it in on the tick's thread just before the window is built. */
    public JvmSample.Builder jvm() { return jvm; }

    /** Counts events a collector saw but could not use (e.g. its handler failed). */
    public void dropped(long events) { intake.drop(events); }

    /** When the JFR stream feeding this window began recording; null when none ran. */
    public void jfrSince(Instant since) { jfrSince = since; }

    public long droppedSoFar() { return intake.dropped(); }

    /** Closes the window; later evidence is counted as dropped. {@code history} is the earlier windows, oldest first. */
    public Window build(Instant end, List<JvmSample> history) {
        intake.close();
        CpuEvidence c = cpu.build(jvm);
        MemoryEvidence m = memory.build(jvm);
        // pauses come from JFR; a window it did not record whole (JFR paused while the heap runs out) takes the pause
        // beans' figure, and without one has no pause figure, not a zero one
        if (jfrSince == null || jfrSince.isAfter(start)) jvm.pausesFromBeans();
        ThreadsEvidence t = threads.build(jvm);
        IoEvidence i = io.build();
        Timeline timeline;
        synchronized (points) { timeline = new Timeline(points.items(), memory.pauses(), memory.pausesLeftOut()); }
        // seen and dropped last: everything the parts dropped while building counts
        return new Window(pid, start, end, c, m, t, i, timeline, jvm.build(end), List.copyOf(history),
                new Window.Coverage(intake.seen(), intake.dropped(), jfrSince));
    }
}
