package dev.quadrant.core;

/** A dimension's verdict for one window: its worst finding's severity and score. */
public record DimensionStatus(Dimension dimension, Severity severity, int score) {
    public String status() { return severity.status(); }
}
