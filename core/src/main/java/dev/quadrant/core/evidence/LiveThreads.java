package dev.quadrant.core.evidence;

import java.util.List;

/**
 * Live platform threads that share a name pattern (digits replaced by N) and a creation site; {@code stack} is where
 * they were started, empty when they started before Quadrant was attached. {@code change} is the count's change since
 * the previous window.
 */
public record LiveThreads(String namePattern, String site, List<String> stack, int live, int change, List<String> examples) {}
