package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quadrant.core.evidence.CallTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTreeBuilderTest {
    @Test void stacksMergeFromTheEntryPointWithWeightsIncludingChildren() {
        CallTreeBuilder b = new CallTreeBuilder();
        b.add(List.of("a.B.leaf1(B.java:1)", "a.B.mid(B.java:2)", "a.Main.main(Main.java:3)"), null, 30);
        b.add(List.of("a.B.leaf2(B.java:4)", "a.B.mid(B.java:2)", "a.Main.main(Main.java:3)"), null, 10);
        b.add(List.of("a.C.other(C.java:5)", "a.Main.main(Main.java:3)"), null, 60);
        CallTree root = b.build();
        assertThat(root.weight()).isEqualTo(100);
        CallTree main = root.children().get(0);
        assertThat(main.frame()).isEqualTo("a.Main.main(Main.java:3)");
        assertThat(main.children()).extracting(CallTree::frame).containsExactly("a.C.other(C.java:5)", "a.B.mid(B.java:2)");  // heaviest first
        CallTree mid = main.children().get(1);
        assertThat(mid.weight()).isEqualTo(40);
        assertThat(mid.children()).extracting(CallTree::weight).containsExactly(30L, 10L);
    }

    @Test void aLeafLabelGoesAboveTheTopFrame() {
        CallTreeBuilder b = new CallTreeBuilder();
        b.add(List.of("a.Buf.grow(Buf.java:3)"), "byte[]", 4096);
        CallTree grow = b.build().children().get(0);
        assertThat(grow.children()).extracting(CallTree::frame).containsExactly("byte[]");
    }

    @Test void prunedToABoundedSizeWhateverTheInput() {
        CallTreeBuilder b = new CallTreeBuilder();
        for (int i = 0; i < 20_000; i++) b.add(List.of("a.Leaf.m" + i + "(Leaf.java:1)", "a.Mid.m" + (i % 3000) + "(Mid.java:1)", "a.Main.main(Main.java:1)"), null, 1 + i % 7);
        b.add(List.of("a.Hot.spin(Hot.java:1)", "a.Main.main(Main.java:1)"), null, 1_000_000);
        CallTree root = b.build();
        assertThat(root.size()).isLessThanOrEqualTo(CallTreeBuilder.MAX_NODES);
        assertThat(root.children().get(0).children().get(0).frame()).isEqualTo("a.Hot.spin(Hot.java:1)");
        assertThat(root.weight()).isGreaterThan(1_000_000);
    }

    @Test void mergingStopsGrowingPastItsNodeLimitButKeepsTheWeight() {
        CallTreeBuilder b = new CallTreeBuilder();
        int stacks = CallTreeBuilder.MAX_BUILDING_NODES / 2 + 10;
        for (int i = 0; i < stacks; i++) b.add(List.of("a.Leaf.m" + i + "(Leaf.java:1)", "a.Mid.m" + i + "(Mid.java:1)"), null, 1);
        CallTree root = b.build();
        assertThat(root.weight()).isEqualTo(stacks);  // nothing lost from the total
        assertThat(root.children().stream().mapToLong(CallTree::weight).sum()).isLessThan(stacks);  // the overflow stays with the root
    }

    @Test void nothingAddedIsTheEmptyTree() {
        assertThat(new CallTreeBuilder().build()).isEqualTo(CallTree.EMPTY);
    }
}
