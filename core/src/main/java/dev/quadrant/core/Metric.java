package dev.quadrant.core;

import java.util.function.ToDoubleFunction;

/**
 * One key figure: its JSON {@code key}, its dimension, unit and label for people, and how it is {@code read} from a
 * {@code T} (the window for {@link Metrics#TABLE}, one pool for {@link Metrics#POOLS}); a negative read means unknown.
 */
public record Metric<T>(String key, Dimension dimension, Unit unit, String label, ToDoubleFunction<T> read) {}
