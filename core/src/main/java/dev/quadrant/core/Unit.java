package dev.quadrant.core;

/**
 * What a key figure measures, so every reader of {@link Metrics#TABLE} shows or exports it in its unit rather than
 * guessing from its key. {@code decimals} is how many the report keeps of a figure in this unit.
 */
public enum Unit {
    COUNT(0),
    BYTES(0),
    BYTES_PER_SECOND(0),
    /** A tenth is kept: GC pauses are often shorter than a millisecond. */
    MILLIS(1),
    /** Average cores busy over the window: CPU time divided by wall time. */
    CORES(3),
    /** A share from 0 to 1, shown as a percent. */
    RATIO(3);

    private final int decimals;

    Unit(int decimals) { this.decimals = decimals; }

    public int decimals() { return decimals; }

    /** The value as the report keeps it. */
    public double round(double value) { return decimals == 0 ? Math.round(value) : Units.round(value, decimals); }
}
