package dev.quadrant.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Items in arrival order, at most {@code max}: what does not fit is counted as dropped. Guarded by its owner's lock. */
final class CappedList<T> {
    private final List<T> items = new ArrayList<>();
    private final int max;
    private final Intake intake;

    CappedList(int max, Intake intake) {
        this.max = max;
        this.intake = intake;
    }

    /** Returns whether the item was kept. */
    boolean add(T item) {
        if (items.size() >= max) {
            intake.drop();
            return false;
        }
        return items.add(item);
    }

    List<T> view() { return items; }

    List<T> items() { return List.copyOf(items); }

    List<T> sorted(Comparator<? super T> order) { return items.stream().sorted(order).toList(); }

    int size() { return items.size(); }
}
