package dev.quadrant.core.evidence;

import java.util.List;

/** Where the application allocates: its own frame that asked, the type, and the estimated bytes. */
public record AllocationSite(String site, String type, long bytes, List<String> stack) {}
