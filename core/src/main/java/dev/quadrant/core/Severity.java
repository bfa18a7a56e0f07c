package dev.quadrant.core;

/** How bad a finding is; always derived from its score, never chosen by a rule. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public static final int WARNING_FROM = 25;  // Java Mission Control's rule-score bands
    public static final int CRITICAL_FROM = 75;

    public static Severity of(int score) {
        if (score >= CRITICAL_FROM) return CRITICAL;
        if (score >= WARNING_FROM) return WARNING;
        return INFO;
    }

    /** A dimension's status word: INFO findings leave it OK. */
    public String status() { return this == INFO ? "OK" : name(); }
}
