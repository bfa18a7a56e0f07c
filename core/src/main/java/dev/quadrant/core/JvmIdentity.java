package dev.quadrant.core;

/** Which JVM a report is about. */
public record JvmIdentity(long pid, String javaVersion, String vendor, String mainClass, long uptimeMs) {}
