package dev.quadrant.collectors.mxbean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How full the heap was right after the latest collection, young or old: what stays when the collector has done its
 * best. Pools' own "after collection" figures are not enough: G1 updates its old generation's only after mixed and
 * full collections. Read from the collectors' last GC info, and only when a collection has happened since the last
 * reading, so a reading costs a few getters. Beans that reclaim nothing are left out: G1's concurrent one (JDK 20+)
 * reports its remark and clean-up pauses, ZGC's and Shenandoah's pause beans their pauses, and the usage "after" those
 * is the usage at that moment.
 */
public final class HeapAfterGc {
    private static final Set<String> FULL_COLLECTIONS = Set.of("G1 Old Generation", "PS MarkSweep", "MarkSweepCompact");
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(gc -> reclaims(gc.getName())).toList();
    private boolean afterFullCollection;
    private final long maxBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    private final List<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(java.lang.management.MemoryPoolMXBean::getName).toList();
    private long collectionsSeen = -1;
    private double occupancy = -1;

    /** Heap used after the latest collection over the maximum heap, 0..1; -1 before the first collection or without a maximum. */
    public synchronized double occupancy() {
        long collections = 0;
        for (GarbageCollectorMXBean gc : collectors) collections += Math.max(0, gc.getCollectionCount());
        if (collections == collectionsSeen) return occupancy;
        collectionsSeen = collections;
        long latestEnd = -1, used = -1;
        for (GarbageCollectorMXBean gc : collectors) {
            if (!(gc instanceof com.sun.management.GarbageCollectorMXBean sun)) continue;
            com.sun.management.GcInfo info = sun.getLastGcInfo();
            if (info == null || info.getEndTime() < latestEnd) continue;
            latestEnd = info.getEndTime();
            used = heapUsed(info.getMemoryUsageAfterGc());
            afterFullCollection = collectsEverything(gc.getName());
        }
        occupancy = occupancy(used, maxBytes);
        return occupancy;
    }

    /**
     * Whether the latest reading followed a full collection (G1's, Parallel's or Serial's old-generation bean): only then
     * is it what stays alive. After a young collection the old generation still holds its garbage, and a concurrent
     * collector's figure after a cycle counts what was allocated during it; both can read nearly full on a heap that
     * is not running out.
     */
    public synchronized boolean afterFullCollection() { return afterFullCollection; }

    static boolean reclaims(String collector) { return !collector.equals("G1 Concurrent GC") && !collector.endsWith(" Pauses"); }

    static boolean collectsEverything(String collector) { return FULL_COLLECTIONS.contains(collector); }

    /** The heap pools' part of a collection's after-usage (code cache and metaspace are in the map too). */
    private long heapUsed(Map<String, MemoryUsage> after) {
        long used = 0;
        for (String pool : heapPools) {
            MemoryUsage u = after.get(pool);
            if (u != null) used += u.getUsed();
        }
        return used;
    }

    static double occupancy(long used, long max) { return max <= 0 || used < 0 ? -1 : Math.min(1.0, (double) used / max); }
}
