package dev.quadrant.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRunnerTest {
    static final RuleInfo INFO = new RuleInfo("t", "e", "th", "f", "v");

    record Fixed(String id, Dimension dimension, int score) implements Rule {
        @Override public RuleInfo info() { return INFO; }
        @Override public Optional<Finding> evaluate(Window window) {
            return score < 0 ? Optional.empty() : Optional.of(Finding.of(this, score).title(id).build());
        }
    }

    record Broken() implements Rule {
        @Override public String id() { return "cpu.broken"; }
        @Override public Dimension dimension() { return Dimension.CPU; }
        @Override public RuleInfo info() { return INFO; }
        @Override public Optional<Finding> evaluate(Window window) { throw new IllegalStateException("boom"); }
    }

    record Asking(String id, Dimension dimension, int score, Set<EvidenceRequest> requestsWhileFound) implements Rule {
        @Override public RuleInfo info() { return INFO; }
        @Override public Optional<Finding> evaluate(Window window) {
            return score < 0 ? Optional.empty() : Optional.of(Finding.of(this, score).title(id).build());
        }
    }

    private final Window window = Windows.of(Duration.ofSeconds(10)).build();

    @Test void onlyRulesWithAFindingAskForEvidence() {
        RuleRunner runner = new RuleRunner(List.of(
                new Asking("memory.leaky", Dimension.MEMORY, 60, Set.of(EvidenceRequest.OLD_OBJECT_SAMPLES)),
                new Asking("io.quiet", Dimension.IO, -1, Set.of(EvidenceRequest.DESCRIPTOR_KINDS)),
                new Fixed("cpu.a", Dimension.CPU, 10)));
        assertThat(runner.requests(runner.run(window))).containsExactly(EvidenceRequest.OLD_OBJECT_SAMPLES);
        assertThat(new RuleRunner(List.of(new Fixed("cpu.a", Dimension.CPU, 10))).requests(runner.run(window))).isEmpty();
    }

    @Test void theCatalogueAsksForTheLeakSitesAndTheDescriptorKinds() {
        assertThat(RuleCatalog.all().stream().filter(r -> !r.requestsWhileFound().isEmpty()).map(Rule::id))
                .containsExactlyInAnyOrder("memory.heap-leak", "io.fd-leak");
    }

    @Test void findingsAreSortedByScoreAndDimensionsTakeTheWorst() {
        Diagnosis d = new RuleRunner(List.of(
                new Fixed("memory.a", Dimension.MEMORY, 30),
                new Fixed("memory.b", Dimension.MEMORY, 80),
                new Fixed("cpu.a", Dimension.CPU, 10),
                new Fixed("io.none", Dimension.IO, -1))).run(window);

        assertThat(d.findings()).extracting(Finding::rule).containsExactly("memory.b", "memory.a", "cpu.a");
        assertThat(d.status(Dimension.MEMORY).status()).isEqualTo("CRITICAL");
        assertThat(d.status(Dimension.MEMORY).score()).isEqualTo(80);
        assertThat(d.status(Dimension.CPU).status()).isEqualTo("OK");
        assertThat(d.status(Dimension.CPU).score()).isEqualTo(10);
        assertThat(d.status(Dimension.IO).status()).isEqualTo("OK");
        assertThat(d.status(Dimension.THREADS).score()).isZero();
    }

    @Test void aFailingRuleIsNamedAndTheOthersStillRun() {
        Diagnosis d = new RuleRunner(List.of(new Broken(), new Fixed("io.a", Dimension.IO, 50))).run(window);

        assertThat(d.findings()).extracting(Finding::rule).containsExactly("io.a");
        assertThat(d.failedRules()).singleElement().asString().startsWith("cpu.broken").contains("boom");
        assertThat(d.status(Dimension.IO).status()).isEqualTo("WARNING");
    }

    @Test void catalogHasOneRulePerIdWithMatchingDimension() {
        List<Rule> rules = RuleCatalog.all();
        assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates()
                .contains("cpu.hot-method", "memory.allocation-pressure", "threads.lock-contention", "io.socket-no-timeout");
        for (Rule r : rules) assertThat(r.id()).startsWith(r.dimension().name().toLowerCase() + ".");
    }

    @Test void anEmptyWindowYieldsNoFinding() {
        assertThat(new RuleRunner(RuleCatalog.all()).run(window).findings()).isEmpty();
    }
}
