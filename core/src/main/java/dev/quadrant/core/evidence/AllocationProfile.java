package dev.quadrant.core.evidence;

import java.util.List;

/** A window's allocation samples grouped by site and type, most bytes first, and the call tree weighted by bytes. */
public record AllocationProfile(long samples, long sampledBytes, List<AllocationSite> topSites, CallTree tree) {
    public static final AllocationProfile EMPTY = new AllocationProfile(0, 0, List.of(), CallTree.EMPTY);
}
