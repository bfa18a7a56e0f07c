package dev.quadrant.collectors.instrument;

import dev.quadrant.core.ThreadsEvidenceBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Executors by identity, held weakly. Readers (every task) probe a copy-on-write open-addressing array without a lock;
 * writers (a new pool, the tick's clean-up) copy it under the table's monitor. Kept at most half full.
 */
final class PoolTable {
    static final int MAX_POOLS = ThreadsEvidenceBuilder.MAX_POOLS;  // an application with more executors than this has a leak, reported by thread count

    private volatile PoolState[] slots = new PoolState[64];
    private int live;
    private volatile boolean full;
    private long untracked;

    PoolState get(Object pool) {
        PoolState[] s = slots;
        int mask = s.length - 1;
        for (int i = System.identityHashCode(pool) & mask; ; i = (i + 1) & mask) {
            PoolState p = s[i];
            if (p == null) return null;
            if (p.get() == pool) return p;
        }
    }

    /** The pool's state, registering it on first sight; null when the table is full. */
    PoolState getOrRegister(Object pool) {
        PoolState p = get(pool);
        if (p != null || full) return p;
        synchronized (this) {
            p = get(pool);
            if (p != null) return p;
            if (live >= MAX_POOLS) { full = true; untracked++; return null; }
            p = new PoolState(pool, PoolState.kind(pool));
            PoolState[] s = slots;
            if ((live + 1) * 2 > s.length) s = rebuild(s.length * 2);
            else s = s.clone();
            insert(s, p);
            live++;
            slots = s;
            return p;
        }
    }

    /** Drops pools that were collected; returns the live ones. */
    synchronized List<PoolState> expunge() {
        PoolState[] s = rebuild(slots.length);
        live = 0;
        List<PoolState> out = new ArrayList<>();
        for (PoolState p : s) if (p != null) { live++; out.add(p); }
        slots = s;
        if (live < MAX_POOLS) full = false;
        return out;
    }

    synchronized long untracked() { return untracked; }

    private PoolState[] rebuild(int length) {
        PoolState[] s = new PoolState[length];
        for (PoolState p : slots) if (p != null && p.get() != null) insert(s, p);
        return s;
    }

    private static void insert(PoolState[] s, PoolState p) {
        int mask = s.length - 1;
        int i = p.identity & mask;
        while (s[i] != null) i = (i + 1) & mask;
        s[i] = p;
    }
}
