package dev.quadrant.core.evidence;

import java.util.List;

/** A window's allocation samples grouped by site and type, most bytes first. */
public record AllocationProfile(long samples, long sampledBytes, List<AllocationSite> topSites) {
    public static final AllocationProfile EMPTY = new AllocationProfile(0, 0, List.of());
}
