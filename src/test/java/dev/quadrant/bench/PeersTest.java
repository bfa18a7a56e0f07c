package dev.quadrant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peers benchmark's arithmetic and table, on synthetic runs (the benchmark itself: src/test/bench/peers.sh). */
class PeersTest {
    static Peers.Run run(Peers.Peer p, double throughput, double p99) {
        Peers.Phase phase = new Peers.Phase(throughput, 1e6 / throughput, 0.3, p99, 100);
        return new Peers.Run(p, 50, phase, phase, 150);
    }

    @Test void eachRoundStartsWithTheNextPeer() {
        assertThat(Peers.rotated(0).get(0)).isEqualTo(Peers.Peer.NONE);
        assertThat(Peers.rotated(1).get(0)).isEqualTo(Peers.Peer.JFR);
        assertThat(Peers.rotated(1)).hasSize(Peers.Peer.values().length).doesNotHaveDuplicates();
    }

    @Test void ratiosAreTakenAgainstTheNoAgentRunOfTheSameRound() {
        Map<Peers.Peer, Peers.Run> fast = new EnumMap<>(Peers.Peer.class), slow = new EnumMap<>(Peers.Peer.class);
        for (Peers.Peer p : Peers.Peer.values()) {
            fast.put(p, run(p, p == Peers.Peer.QUADRANT ? 9000 : 10000, 2));
            slow.put(p, run(p, p == Peers.Peer.QUADRANT ? 4500 : 5000, 2));
        }
        Peers.Settings s = Peers.settings(new String[] {"--quadrant", "q.jar", "--otel", "o.jar", "--async-profiler", "a.jar"});
        String table = Peers.markdown(s, List.of(fast, slow, fast));
        // a machine twice as slow in one round does not move the per-round ratio: 0.90 in every round
        assertThat(table).contains("| first minute: throughput at full load (req/s) | 10000 |", "9000 (0.90, 0.90 to 0.90) |")
                .doesNotContain("NaN", "Infinity");
        for (Peers.Metric m : Peers.METRICS) assertThat(table).contains("| " + m.name() + " |");
    }

    @Test void theAgentsToCompareAreRequired() {
        assertThatThrownBy(() -> Peers.settings(new String[] {"--quadrant", "q.jar"})).hasMessageContaining("--otel <jar> is required");
    }
}
