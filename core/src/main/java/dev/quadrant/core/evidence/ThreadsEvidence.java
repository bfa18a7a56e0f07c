package dev.quadrant.core.evidence;

import java.util.List;

/**
 * The window's THREADS evidence: contended monitors and java.util.concurrent locks (most blocked time first) and the
 * time waited for them by stack in microseconds ({@code lockWaits}); threads stuck in a call without a timeout
 * (untimed socket reads among them: the IO rules read those); pools, live thread groups, deadlocks, pinned virtual threads,
 * event loops kept from their selector (longest first).
 */
public record ThreadsEvidence(List<MonitorContention> monitors, CallTree lockWaits, List<BlockedCall> blockedCalls, List<ThreadPool> pools,
                              List<LiveThreads> groups, List<DeadlockedThread> deadlocked, List<VirtualPinning> pinning,
                              List<EventLoopStall> eventLoopStalls) {}
