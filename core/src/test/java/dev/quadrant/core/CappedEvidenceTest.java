package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CappedEvidenceTest {
    private final Intake intake = new Intake();

    @Test void aFullTableKeepsItsRowsAndCountsEachNewKeyAsDropped() {
        CappedTable<String, long[]> table = new CappedTable<>(2, intake);
        table.row("a", k -> new long[1])[0]++;
        table.row("b", k -> new long[1])[0]++;
        assertThat(table.row("c", k -> new long[1])).isNull();
        assertThat(table.row("a", k -> new long[1])).isNotNull();  // an existing row is not a drop
        assertThat(table.size()).isEqualTo(2);
        assertThat(intake.dropped()).isEqualTo(1);
    }

    @Test void aFullListSaysSoAndCountsTheDrop() {
        CappedList<Integer> list = new CappedList<>(1, intake);
        assertThat(list.add(1)).isTrue();
        assertThat(list.add(2)).isFalse();
        assertThat(list.items()).containsExactly(1);
        assertThat(intake.dropped()).isEqualTo(1);
    }

    @Test void aClosedIntakeTakesNothingAndCountsIt() {
        assertThat(intake.accept()).isTrue();
        intake.close();
        assertThat(intake.accept()).isFalse();
        assertThat(intake.seen()).isEqualTo(1);
        assertThat(intake.dropped()).isEqualTo(1);
    }

    @Test void theSlowestCallKeepsItsThreadStackAndDetail() {
        Slowest slowest = new Slowest();
        assertThat(slowest.thread()).isNull();
        assertThat(slowest.offer(5, "a", List.of("x"), "read")).isTrue();
        assertThat(slowest.offer(3, "b", List.of("y"), "write")).isFalse();
        assertThat(slowest.offer(5, "c", List.of("z"), "force")).isTrue();  // of equals, the latest
        assertThat(slowest.nanos()).isEqualTo(5);
        assertThat(slowest.thread()).isEqualTo("c");
        assertThat(slowest.stack()).containsExactly("z");
        assertThat(slowest.detail()).isEqualTo("force");
    }
}
