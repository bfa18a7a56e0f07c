package dev.quadrant.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One diagnosis: what a rule saw in a window, how bad it is, and what to do about it. */
public final class Finding {
    static final int MAX_STACK_FRAMES = 32;

    private final String rule;
    private final Dimension dimension;
    private final int score;
    private final String title;
    private final String detail;
    private final Map<String, Object> evidence;
    private final List<String> stack;
    private final String recommendation;
    private final String verify;

    private Finding(Builder b) {
        this.rule = b.rule;
        this.dimension = b.dimension;
        this.score = b.score;
        this.title = Objects.requireNonNull(b.title, "title");
        this.detail = b.detail == null ? "" : b.detail;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(b.evidence));
        this.stack = b.stack.size() > MAX_STACK_FRAMES ? List.copyOf(b.stack.subList(0, MAX_STACK_FRAMES)) : List.copyOf(b.stack);
        this.recommendation = b.recommendation == null ? "" : b.recommendation;
        this.verify = b.verify == null ? "" : b.verify;
    }

    public static Builder of(Rule rule, int score) { return new Builder(rule.id(), rule.dimension(), score); }

    public String rule() { return rule; }
    public Dimension dimension() { return dimension; }
    public int score() { return score; }
    public Severity severity() { return Severity.of(score); }
    public String title() { return title; }
    public String detail() { return detail; }
    public Map<String, Object> evidence() { return evidence; }
    public List<String> stack() { return stack; }
    public String recommendation() { return recommendation; }
    public String verify() { return verify; }

    /** The same finding held at INFO, saying why in its detail and under {@code key} in its evidence. */
    Finding heldAtInfo(String why, String key, Object evidenceValue) {
        Builder b = new Builder(rule, dimension, Math.min(score, Score.INFO_CAP)).title(title).detail(detail.isEmpty() ? why : detail + " " + why)
                .stack(stack).recommendation(recommendation).verify(verify);
        b.evidence.putAll(evidence);
        b.evidence(key, evidenceValue);
        return b.build();
    }

    @Override public String toString() { return severity() + " " + score + " " + rule + ": " + title; }

    /** Collects a finding's parts; evidence keeps insertion order so reports read the way the rule wrote it. */
    public static final class Builder {
        private final String rule;
        private final Dimension dimension;
        private final int score;
        private String title;
        private String detail;
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private List<String> stack = List.of();
        private String recommendation;
        private String verify;

        private Builder(String rule, Dimension dimension, int score) {
            if (score < 0 || score > Score.MAX) throw new IllegalArgumentException("score out of range: " + score);
            this.rule = rule;
            this.dimension = dimension;
            this.score = score;
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder detail(String detail) { this.detail = detail; return this; }
        /** Values are strings, numbers, booleans, lists or maps of those; nulls are left out. */
        public Builder evidence(String key, Object value) { if (value != null) evidence.put(key, value); return this; }
        public Builder stack(List<String> frames) { this.stack = frames == null ? List.of() : frames; return this; }
        public Builder recommendation(String recommendation) { this.recommendation = recommendation; return this; }
        public Builder verify(String verify) { this.verify = verify; return this; }
        public Finding build() { return new Finding(this); }
    }
}
