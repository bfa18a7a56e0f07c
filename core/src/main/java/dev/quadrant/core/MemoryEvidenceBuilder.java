package dev.quadrant.core;

import dev.quadrant.core.evidence.AllocationProfile;
import dev.quadrant.core.evidence.AllocationSite;
import dev.quadrant.core.evidence.GcActivity;
import dev.quadrant.core.evidence.JvmSample;
import dev.quadrant.core.evidence.MemoryEvidence;
import dev.quadrant.core.evidence.OldObject;
import dev.quadrant.core.evidence.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Accumulates one window's MEMORY evidence: sampled allocations by type and stack, collections, surviving old objects. */
public final class MemoryEvidenceBuilder {
    static final int MAX_ALLOCATION_KEYS = 2048;  // distinct (type, stack) pairs
    static final int MAX_OLD_OBJECTS = 1024;      // JFR's leak profiler keeps 256 samples; a few snapshots per window
    static final int MAX_COLLECTOR_NAMES = 8;
    static final int MAX_PAUSES = 2000;           // a collection every 30 ms for a minute
    static final int TOP_SITES = 10;

    private final Intake intake;
    private final CappedTable<AllocationKey, long[]> allocations;
    private long allocationSamples, allocationBytes;
    private long gcCount, gcOldCount, gcFullCount, gcPauseNanos, gcLongestNanos;
    private String gcLongestCollector = "", gcLongestCause = "";
    private long heapAfterGc = -1, heapAfterOldGc = -1;
    private final Set<String> collectors = new TreeSet<>();
    private final List<Timeline.Pause> pauses = new ArrayList<>();
    private long pausesLeftOut;
    private final CappedList<OldObject> oldObjects;

    MemoryEvidenceBuilder(Intake intake) {
        this.intake = intake;
        this.allocations = new CappedTable<>(MAX_ALLOCATION_KEYS, intake);
        this.oldObjects = new CappedList<>(MAX_OLD_OBJECTS, intake);
    }

    public synchronized void allocationSample(String type, long weightBytes, List<String> stack) {
        if (!intake.accept()) return;
        allocationSamples++;
        allocationBytes += weightBytes;
        long[] bytes = allocations.row(new AllocationKey(type, stack), k -> new long[1]);
        if (bytes != null) bytes[0] += weightBytes;
    }

    /**
     * One finished collection: its collector (JFR's name, e.g. G1New, ParallelOld, Z), cause, total and longest
     * stop-the-world pause, and heap used right after it ({@code -1} if unknown).
     */
    public void gc(String collector, String cause, Duration pauses, Duration longestPause, long heapAfterBytes) {
        gc(collector, cause, pauses, longestPause, heapAfterBytes, null);
    }

    /** As above; {@code startedAt}, when known, places the collection on the window's timeline. */
    public synchronized void gc(String collector, String cause, Duration pauses, Duration longestPause, long heapAfterBytes, Instant startedAt) {
        if (!intake.accept()) return;
        if (startedAt != null) {
            if (this.pauses.size() < MAX_PAUSES) this.pauses.add(new Timeline.Pause(startedAt, pauses, collector, heapAfterBytes));
            else pausesLeftOut++;
        }
        gcCount++;
        gcPauseNanos += pauses.toNanos();
        if (longestPause.toNanos() > gcLongestNanos) {
            gcLongestNanos = longestPause.toNanos();
            gcLongestCollector = collector;
            gcLongestCause = cause;
        }
        if (collectors.size() < MAX_COLLECTOR_NAMES) collectors.add(collector);
        boolean old = GcActivity.isOldCollection(collector);
        if (old) gcOldCount++;
        if (GcActivity.isFullCollection(collector)) gcFullCount++;
        if (heapAfterBytes >= 0) {
            heapAfterGc = heapAfterGc < 0 ? heapAfterBytes : Math.min(heapAfterGc, heapAfterBytes);
            if (old) heapAfterOldGc = heapAfterOldGc < 0 ? heapAfterBytes : Math.min(heapAfterOldGc, heapAfterBytes);
        }
    }

    public synchronized void oldObject(OldObject object) {
        if (intake.accept()) oldObjects.add(object);
    }

    /** The collections on the window's timeline, in time order, and how many did not fit. */
    synchronized List<Timeline.Pause> pauses() { return pauses.stream().sorted(Comparator.comparing(Timeline.Pause::time)).toList(); }

    synchronized long pausesLeftOut() { return pausesLeftOut; }

    synchronized MemoryEvidence build(JvmSample.Builder jvm) {
        // Full collections are known only from JFR: with no GC event at all, the count is unknown, not zero.
        jvm.heapAfterGc(heapAfterGc, heapAfterOldGc).fullCollections(gcCount == 0 ? -1 : gcFullCount).gcPauseMicros(gcPauseNanos / 1000);
        GcActivity gc = new GcActivity(gcCount, gcOldCount, gcFullCount, Duration.ofNanos(gcPauseNanos), Duration.ofNanos(gcLongestNanos),
                gcLongestCollector, gcLongestCause, List.copyOf(collectors));
        return new MemoryEvidence(allocationProfile(), gc, oldObjects.items());
    }

    private AllocationProfile allocationProfile() {
        if (allocationSamples == 0) return AllocationProfile.EMPTY;
        Map<List<String>, long[]> bySite = new HashMap<>();  // (site, type) -> bytes
        Map<List<String>, List<String>> stackOf = new HashMap<>();
        Map<List<String>, Long> stackBytes = new HashMap<>();
        CallTreeBuilder tree = new CallTreeBuilder();
        for (Map.Entry<AllocationKey, long[]> e : allocations.entries()) {
            AllocationKey k = e.getKey();
            tree.add(k.stack(), k.type(), e.getValue()[0]);
            List<String> site = List.of(Frames.firstApplicationFrame(k.stack()), k.type());
            long bytes = e.getValue()[0];
            bySite.computeIfAbsent(site, s -> new long[1])[0] += bytes;
            if (stackBytes.getOrDefault(site, -1L) < bytes) { stackBytes.put(site, bytes); stackOf.put(site, k.stack()); }
        }
        List<AllocationSite> top = bySite.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_SITES)
                .map(e -> new AllocationSite(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], stackOf.get(e.getKey())))
                .toList();
        return new AllocationProfile(allocationSamples, allocationBytes, top, tree.build());
    }

    private record AllocationKey(String type, List<String> stack) {}
}
