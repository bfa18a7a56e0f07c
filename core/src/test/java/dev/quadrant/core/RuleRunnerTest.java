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

    record StartUpLike(String id, Dimension dimension, int score) implements Rule {
        @Override public RuleInfo info() { return INFO; }
        @Override public boolean quietWhileStartingUp() { return true; }
        @Override public Optional<Finding> evaluate(Window window) { return Optional.of(Finding.of(this, score).title(id).detail("Burns CPU.").build()); }
    }

    private final Window window = Windows.of(Duration.ofSeconds(10)).build();

    /** A window of Tomcat's start-up: 3,000 classes loaded in 2 s, 4 s after launch. */
    private static Window startingUp(long uptimeMillis, long classLoads, long compilationMillis) {
        Windows w = Windows.of(Duration.ofSeconds(2));
        w.jvm().classLoads(classLoads).uptime(uptimeMillis).codeCache(-1, -1, compilationMillis);
        return w.build();
    }

    @Test void startUpHoldsTheRulesItConfusesAtInfoAndNoOthers() {
        RuleRunner runner = new RuleRunner(List.of(new StartUpLike("cpu.hot-method", Dimension.CPU, 55), new Fixed("threads.deadlock", Dimension.THREADS, 90)));
        Diagnosis d = runner.run(startingUp(4_000, 3_000, 300));
        Finding hot = d.findings().stream().filter(f -> f.rule().equals("cpu.hot-method")).findFirst().orElseThrow();
        assertThat(hot.severity()).isEqualTo(Severity.INFO);
        assertThat(hot.detail()).startsWith("Burns CPU.").contains("starting up", "1500 classes loaded a second");
        assertThat(hot.evidence()).containsKey("startUp");
        assertThat(d.findings().stream().filter(f -> f.rule().equals("threads.deadlock")).findFirst().orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test void aSteadyWindowOrALateOneIsNotStartUp() {
        assertThat(StartUp.of(startingUp(4_000, 3_000, 0)).active()).isTrue();
        assertThat(StartUp.of(startingUp(30_000, 10, 900)).active()).as("the JIT compiling 45% of the time alone").isFalse();
        assertThat(StartUp.of(startingUp(30_000, 10, 40)).active()).isFalse();
        // a program that generates classes for ever is judged like any other after five minutes
        assertThat(StartUp.of(startingUp(6 * 60_000, 3_000, 300)).active()).isFalse();
        assertThat(StartUp.of(window).active()).as("nothing known").isFalse();
        Finding f = new RuleRunner(List.of(new StartUpLike("cpu.hot-method", Dimension.CPU, 55))).run(startingUp(30_000, 10, 40)).findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

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
