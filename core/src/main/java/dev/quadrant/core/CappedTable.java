package dev.quadrant.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows by key, at most {@code max} of them: a new key that does not fit is counted as dropped, never kept, so a window
 * costs the same memory however busy the service is. Not thread-safe: its owner's lock guards it.
 */
final class CappedTable<K, V> {
    private final Map<K, V> rows = new HashMap<>();
    private final int max;
    private final Intake intake;

    CappedTable(int max, Intake intake) {
        this.max = max;
        this.intake = intake;
    }

    /** The row of {@code key}, created if there is room; null, and one drop counted, when the table is full. */
    V row(K key, Function<? super K, ? extends V> create) {
        V row = rows.get(key);
        if (row != null) return row;
        if (rows.size() >= max) {
            intake.drop();
            return null;
        }
        row = create.apply(key);
        rows.put(key, row);
        return row;
    }

    /** Keeps the first row of a key; a new key past the cap is dropped. */
    void putIfAbsent(K key, V value) { row(key, k -> value); }

    V get(K key) { return rows.get(key); }

    Collection<Map.Entry<K, V>> entries() { return rows.entrySet(); }

    Collection<V> values() { return rows.values(); }

    int size() { return rows.size(); }
}
