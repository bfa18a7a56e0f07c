package dev.quadrant.core;

import dev.quadrant.core.evidence.CpuProfile;
import dev.quadrant.core.evidence.MethodShare;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weight (samples, or CPU milliseconds) and sample count per distinct stack, capped; reduced to per-method self and
 * total weight. A thread dump's busy stack is one sample weighted by the CPU its thread used since the last dump.
 */
final class StackWeights {
    static final int TOP_METHODS = 20;
    static final int TOP_EXCEPTION_SITES = 10;

    private final int maxStacks;
    private final Map<List<String>, long[]> stacks = new HashMap<>();
    private long total;
    private long samples;

    StackWeights(int maxStacks) { this.maxStacks = maxStacks; }

    boolean add(List<String> stack, long weight) { return add(stack, weight, 1); }

    /** False when the stack is new and the table is full: its weight still counts in the total. */
    boolean add(List<String> stack, long weight, long samples) {
        total += weight;
        this.samples += samples;
        long[] w = stacks.get(stack);
        if (w == null) {
            if (stacks.size() >= maxStacks) return false;
            stacks.put(stack, w = new long[2]);
        }
        w[0] += weight;
        w[1] += samples;
        return true;
    }

    CpuProfile profile() {
        if (total == 0) return CpuProfile.EMPTY;
        CallTreeBuilder tree = new CallTreeBuilder();
        Map<List<String>, long[]> exceptionSites = new HashMap<>();  // (type, site) -> weight
        Map<List<String>, List<String>> exceptionStacks = new HashMap<>();
        long exceptionMillis = 0;
        Map<String, long[]> self = new HashMap<>();   // method -> weight, samples on top of the stack
        Map<String, long[]> all = new HashMap<>();    // method -> weight anywhere in the stack
        Map<String, List<String>> hottest = new HashMap<>();
        Map<String, Long> hottestWeight = new HashMap<>();
        Set<String> inThisStack = new HashSet<>();
        for (Map.Entry<List<String>, long[]> e : stacks.entrySet()) {
            List<String> stack = e.getKey();
            long n = e.getValue()[0];
            if (stack.isEmpty()) continue;
            tree.add(stack, null, n);
            List<String> thrown = Exceptions.creation(stack);
            if (thrown != null) {
                exceptionMillis += n;
                exceptionSites.computeIfAbsent(thrown, k -> new long[1])[0] += n;
                exceptionStacks.putIfAbsent(thrown, stack);
            }
            String top = Frames.method(stack.get(0));
            long[] mine = self.computeIfAbsent(top, k -> new long[2]);
            mine[0] += n;
            mine[1] += e.getValue()[1];
            if (hottestWeight.getOrDefault(top, 0L) < n) { hottestWeight.put(top, n); hottest.put(top, stack); }
            inThisStack.clear();
            for (String frame : stack) {
                String method = Frames.method(frame);
                if (inThisStack.add(method)) all.computeIfAbsent(method, k -> new long[1])[0] += n;
            }
        }
        List<MethodShare> top = self.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_METHODS)
                .map(e -> new MethodShare(e.getKey(), e.getValue()[0], all.get(e.getKey())[0], e.getValue()[1], hottest.get(e.getKey())))
                .toList();
        List<CpuProfile.ExceptionSite> sites = exceptionSites.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0]).reversed())
                .limit(TOP_EXCEPTION_SITES)
                .map(e -> new CpuProfile.ExceptionSite(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], exceptionStacks.get(e.getKey())))
                .toList();
        return new CpuProfile(total, samples, stacks.size(), top, tree.build(), exceptionMillis, sites);
    }
}
