package dev.quadrant.core.evidence;

import java.util.List;

/**
 * Aggregated stacks as a tree from the threads' entry points (root) to the frames that ran (leaves): the data of a
 * flame graph. Weights are CPU milliseconds or bytes; every node's weight includes its children's.
 */
public record CallTree(String frame, long weight, List<CallTree> children) {
    public static final CallTree EMPTY = new CallTree("all", 0, List.of());

    public int size() {
        int n = 1;
        for (CallTree c : children) n += c.size();
        return n;
    }
}
