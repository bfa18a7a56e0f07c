package dev.quadrant.core;

import dev.quadrant.core.evidence.CallTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges stacks into a call tree and prunes it to a bounded size for the report: nodes under {@link #MIN_SHARE} of
 * the total are folded into their parent (a flame graph cannot draw them wider than a pixel anyway), and at most
 * {@link #MAX_NODES} nodes are kept, heaviest first.
 */
final class CallTreeBuilder {
    static final double MIN_SHARE = 0.0005;  // 0.05%: a frame narrower than this is under one pixel of a 2000 px graph
    static final int MAX_NODES = 5000;       // ~200 KB of JSON at most
    static final int MAX_BUILDING_NODES = 200_000;  // while merging: past it, a new frame's weight stays with its caller

    private final Node root = new Node("all");
    private int nodes = 1;

    /** {@code stack} is top frame first, as everywhere else; {@code leaf}, if not null, is put above the top frame. */
    void add(List<String> stack, String leaf, long weight) {
        if (weight <= 0) return;
        Node n = root;
        n.weight += weight;
        for (int i = stack.size() - 1; i >= 0 && n != null; i--) n = child(n, stack.get(i), weight);
        if (leaf != null && n != null) child(n, leaf, weight);
    }

    private Node child(Node parent, String frame, long weight) {
        Node c = parent.children == null ? null : parent.children.get(frame);
        if (c == null) {
            if (nodes >= MAX_BUILDING_NODES) return null;
            if (parent.children == null) parent.children = new HashMap<>(4);
            parent.children.put(frame, c = new Node(frame));
            nodes++;
        }
        c.weight += weight;
        return c;
    }

    CallTree build() {
        if (root.weight == 0) return CallTree.EMPTY;
        long minWeight = Math.max(1, (long) Math.ceil(root.weight * MIN_SHARE));
        int[] budget = {MAX_NODES - 1};
        return prune(root, minWeight, budget);
    }

    private static CallTree prune(Node n, long minWeight, int[] budget) {
        if (n.children == null) return new CallTree(n.frame, n.weight, List.of());
        List<Node> kids = new ArrayList<>(n.children.values());
        kids.sort(Comparator.comparingLong((Node c) -> c.weight).reversed());
        List<CallTree> kept = new ArrayList<>();
        for (Node c : kids) {
            if (c.weight < minWeight || budget[0] <= 0) break;
            budget[0]--;
            kept.add(prune(c, minWeight, budget));
        }
        return new CallTree(n.frame, n.weight, List.copyOf(kept));
    }

    private static final class Node {
        final String frame;
        long weight;
        Map<String, Node> children;

        Node(String frame) { this.frame = frame; }
    }
}
