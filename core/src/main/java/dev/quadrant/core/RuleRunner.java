package dev.quadrant.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs every rule over one window; a rule that fails is skipped and named, never fatal. */
public final class RuleRunner {
    private final List<Rule> rules;

    public RuleRunner(List<Rule> rules) { this.rules = List.copyOf(rules); }

    public Diagnosis run(Window window) {
        List<Finding> findings = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        StartUp startUp = StartUp.of(window);
        boolean startingUp = startUp.active();
        for (Rule rule : rules) {
            try {
                Optional<Finding> finding = rule.evaluate(window);
                if (startingUp && rule.quietWhileStartingUp()) finding = finding.map(f -> f.severity() == Severity.INFO ? f
                        : f.heldAtInfo(startUp.reason(), "startUp", startUp.evidence()));
                finding.ifPresent(findings::add);
            } catch (Throwable e) { // one broken rule must not cost the others their findings
                failed.add(rule.id() + ": " + e);
            }
        }
        findings.sort(Comparator.comparingInt(Finding::score).reversed().thenComparing(Finding::rule));
        return Diagnosis.of(findings, failed);
    }

    /** What the rules with a finding in {@code diagnosis} ask the next window to gather. */
    public Set<EvidenceRequest> requests(Diagnosis diagnosis) {
        Set<EvidenceRequest> wanted = EnumSet.noneOf(EvidenceRequest.class);
        for (Rule rule : rules) {
            if (diagnosis.findings().stream().anyMatch(f -> f.rule().equals(rule.id()))) wanted.addAll(rule.requestsWhileFound());
        }
        return wanted;
    }

    public List<Rule> rules() { return rules; }
}
