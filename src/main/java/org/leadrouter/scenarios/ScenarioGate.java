package org.leadrouter.scenarios;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.PromotionGate;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.SegmentRules;

/**
 * Gate 2: a version is promoted only if every scenario beside its rules gets the expected
 * decision, and, with the coverage gate strict, every rule is fired by a scenario. A segment
 * without scenario files passes (unless strict), and its report says it has none.
 */
@ApplicationScoped
public class ScenarioGate implements PromotionGate {

    public static final String NAME = "scenarios";
    private static final Logger LOG = Logger.getLogger(ScenarioGate.class);

    /**
     * What the gate attaches to the version, shown at GET /segments. Only the first rules no
     * scenario fired are named: a 10,000-row table without scenarios would otherwise make every
     * segment listing megabytes long.
     */
    public record Summary(int scenarios, int passed, int failed, int rulesNotFiredCount, List<String> rulesNotFired) {
    }

    static final int NAMED_RULES_NOT_FIRED = 20;

    private final ScenarioRunner runner;
    private final RulesConfig.CoverageGate coverage;

    @Inject
    ScenarioGate(LeadFacts facts, RulesConfig config) {
        this(facts, config.coverageGate());
    }

    public ScenarioGate(LeadFacts facts, RulesConfig.CoverageGate coverage) {
        this.runner = new ScenarioRunner(facts);
        this.coverage = coverage;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public boolean readsFolder() {
        return true;
    }

    @Override
    public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
        ScenarioReport report = runner.run(candidate, ScenarioFile.readAll(segment, folder));
        List<String> notFired = report.rulesNotFired();
        List<String> named = notFired.subList(0, Math.min(NAMED_RULES_NOT_FIRED, notFired.size()));
        Summary summary = new Summary(report.passed() + report.failures().size(), report.passed(),
                report.failures().size(), notFired.size(), named);
        List<RuleProblem> problems = new ArrayList<>(report.failures());
        if (!notFired.isEmpty() && coverage == RulesConfig.CoverageGate.STRICT) {
            named.forEach(rule -> problems.add(RuleProblem.ofSegment("rule '" + rule
                    + "' is fired by no scenario (coverage gate strict): add a scenario that needs it")));
            if (notFired.size() > named.size()) {
                problems.add(RuleProblem.ofSegment("and " + (notFired.size() - named.size())
                        + " more rules no scenario fires"));
            }
        } else if (!notFired.isEmpty()) {
            LOG.warnf("segment %s: %d rules of %s are fired by no scenario: %s", segment, notFired.size(),
                    candidate.version(), String.join(", ", named) + (notFired.size() > named.size() ? ", ..." : ""));
        }
        return problems.isEmpty() ? GateResult.pass(NAME, summary) : GateResult.fail(NAME, problems, summary);
    }
}
