package dev.quadrant.collectors.mxbean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;

/**
 * How full the heap was right after the latest collection, young or old: what stays when the collector has done its
 * best. Pools' own "after collection" figures are not enough: G1 updates its old generation's only after mixed and
 * full collections. Read from the collectors' last GC info, and only when a collection has happened since the last
 * reading, so a reading costs a few getters. Beans that reclaim nothing are left out: G1's concurrent one (JDK 20+)
 * reports its remark and clean-up pauses, ZGC's and Shenandoah's pause beans their pauses, and the usage "after" those
 * is the usage at that moment.
 */
public final class HeapAfterGc {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(gc -> reclaims(gc.getName())).toList();
    private final boolean concurrent = concurrent(collectors.stream().map(GarbageCollectorMXBean::getName).toList());
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
        }
        occupancy = occupancy(used, maxBytes);
        return occupancy;
    }

    /**
     * Whether the collector is concurrent (ZGC, Shenandoah): its usage after a cycle counts what the application
     * allocated during the cycle, so a heap that reads nearly full after every cycle may not be running out.
     */
    public boolean concurrent() { return concurrent; }

    static boolean reclaims(String collector) { return !collector.equals("G1 Concurrent GC") && !collector.endsWith(" Pauses"); }

    static boolean concurrent(List<String> collectors) {
        return collectors.stream().anyMatch(c -> c.startsWith("ZGC") || c.startsWith("Shenandoah"));
    }

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
