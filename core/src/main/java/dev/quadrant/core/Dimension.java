package dev.quadrant.core;

/** The four axes every finding is sorted into. */
public enum Dimension { CPU, MEMORY, THREADS, IO }
