package dev.quadrant.core.evidence;

import java.util.List;

/** File streams opened at one site and still open (estimated from a sample of opens), with the opening stack. */
public record OpenFileSite(String site, long open, List<String> stack) {}
