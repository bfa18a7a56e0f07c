package dev.quadrant.core;

/**
 * Evidence too costly to gather all the time, which a rule asks for while it has a finding: the collector that can give
 * it does so for the next window.
 */
public enum EvidenceRequest {
    /** JFR's surviving old-object samples with their allocation stacks: what leaks, and from where. */
    OLD_OBJECT_SAMPLES,
    /** What the open file descriptors point to, by kind (a readlink per descriptor). */
    DESCRIPTOR_KINDS
}
