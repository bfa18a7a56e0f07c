package dev.quadrant.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rules' verdict on one window: findings by score, highest first, and each dimension's status. */
public record Diagnosis(List<Finding> findings, Map<Dimension, DimensionStatus> dimensions, List<String> failedRules) {

    static Diagnosis of(List<Finding> findings, List<String> failedRules) {
        Map<Dimension, DimensionStatus> dims = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            int worst = findings.stream().filter(f -> f.dimension() == d).mapToInt(Finding::score).max().orElse(0);
            dims.put(d, new DimensionStatus(d, Severity.of(worst), worst));
        }
        return new Diagnosis(List.copyOf(findings), Map.copyOf(dims), List.copyOf(failedRules));
    }

    public DimensionStatus status(Dimension d) { return dimensions.get(d); }
}
