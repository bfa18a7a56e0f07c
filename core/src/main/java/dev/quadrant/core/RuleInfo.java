package dev.quadrant.core;

/**
 * A rule's catalogue entry, kept with its code so the two cannot drift: what it detects and why it matters, the
 * thresholds it applies, the usual fixes, and how to confirm it by hand. {@code jcmd <pid>} stands for the process.
 */
public record RuleInfo(String title, String explanation, String thresholds, String fix, String verify) {}
