package dev.quadrant.core;

import dev.quadrant.core.evidence.BusyThread;
import dev.quadrant.core.evidence.CpuEvidence;
import dev.quadrant.core.evidence.JitActivity;
import dev.quadrant.core.evidence.JvmSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Accumulates one window's CPU evidence: JFR's samples, busy threads' stacks from thread dumps, exceptions, the JIT. */
public final class CpuEvidenceBuilder {
    static final int MAX_CPU_STACKS = 4096;         // distinct sampled stacks; beyond that only the total counts
    static final int MAX_THREAD_CPU_STACKS = 1024;  // stacks of busy threads from thread dumps
    static final int MAX_DEOPT_KEYS = 256;          // distinct (method, reason, action)
    static final int MAX_FAILURE_MESSAGES = 8;
    static final int MAX_BUSY_THREADS = 32;
    static final int TOP_DEOPTIMIZATIONS = 10;

    private final Intake intake;
    private final StackWeights jfrMillis = new StackWeights(MAX_CPU_STACKS);
    private final StackWeights threadDumpMillis = new StackWeights(MAX_THREAD_CPU_STACKS);
    private final CappedList<BusyThread> busyThreads;
    private final CappedTable<List<String>, long[]> deoptimizations;  // (method, reason, action) -> count
    private long exceptionsThrown = -1;
    private long deoptimizationCount, codeCacheFull, compilationFailures;
    private final List<String> failureMessages = new ArrayList<>();

    CpuEvidenceBuilder(Intake intake) {
        this.intake = intake;
        this.busyThreads = new CappedList<>(MAX_BUSY_THREADS, intake);
        this.deoptimizations = new CappedTable<>(MAX_DEOPT_KEYS, intake);
    }

    /** One JFR execution sample, standing for one sampling period of CPU time. */
    public synchronized void jfrSample(List<String> stack, long periodMillis) {
        if (intake.accept() && !jfrMillis.add(stack, periodMillis)) intake.drop();
    }

    /** A busy thread's stack seen in {@code dumps} thread dumps, weighted by the CPU milliseconds it used meanwhile. */
    public synchronized void threadDumpSample(List<String> stack, long cpuMillis, long dumps) {
        if (intake.accept() && !threadDumpMillis.add(stack, cpuMillis, dumps)) intake.drop();
    }

    public synchronized void busyThread(BusyThread thread) {
        if (intake.accept()) busyThreads.add(thread);
    }

    /** Exceptions created in the window (JFR counts every Throwable constructed). */
    public synchronized void exceptionsThrown(long count) {
        if (intake.accept()) exceptionsThrown = Math.max(0, exceptionsThrown) + count;
    }

    public synchronized void deoptimization(String method, String reason, String action) {
        if (!intake.accept()) return;
        deoptimizationCount++;
        long[] n = deoptimizations.row(List.of(method, reason, action), k -> new long[1]);
        if (n != null) n[0]++;
    }

    public synchronized void codeCacheFull() {
        if (intake.accept()) codeCacheFull++;
    }

    public synchronized void compilationFailure(String message) {
        if (!intake.accept()) return;
        compilationFailures++;
        if (failureMessages.size() < MAX_FAILURE_MESSAGES && !failureMessages.contains(message)) failureMessages.add(message);
    }

    synchronized CpuEvidence build(JvmSample.Builder jvm) {
        jvm.codeCacheFullEvents(codeCacheFull).deoptimizations(deoptimizationCount);
        List<JitActivity.Deoptimization> top = deoptimizations.entries().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_DEOPTIMIZATIONS)
                .map(e -> new JitActivity.Deoptimization(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()[0]))
                .toList();
        JitActivity jit = new JitActivity(deoptimizationCount, top, codeCacheFull, compilationFailures, List.copyOf(failureMessages));
        return new CpuEvidence(jfrMillis.profile(), threadDumpMillis.profile(),
                busyThreads.sorted(Comparator.comparingLong(BusyThread::cpuMillis).reversed()), exceptionsThrown, jit);
    }
}
