package dev.quadrant.core.evidence;

import java.util.List;

/** The window's MEMORY evidence from JFR: sampled allocations, collections, and the leak profiler's surviving objects. */
public record MemoryEvidence(AllocationProfile allocations, GcActivity gc, List<OldObject> oldObjects) {}
