package dev.quadrant.core;

import java.util.Optional;
import java.util.Set;

/** One failure pattern: reads a window of evidence and says whether the pattern is there. Holds no state. */
public interface Rule {
    /** Stable id {@code dimension.name}, spelled as in the contract. */
    String id();

    Dimension dimension();

    /** The catalogue entry. */
    RuleInfo info();

    /** Empty when the pattern is absent or there is too little data to say. */
    Optional<Finding> evaluate(Window window);

    /**
     * Whether what this rule sees is also what every JVM does while it starts up and warms up (CPU, allocation, GC,
     * class-loading locks): then its findings stay at INFO while {@link StartUp#active} says so.
     */
    default boolean quietWhileStartingUp() { return false; }

    /** What the next window should also gather while this rule has a finding; nothing by default. */
    default Set<EvidenceRequest> requestsWhileFound() { return Set.of(); }
}
