package org.leadrouter.scenarios;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.PromotionGate;
import org.leadrouter.rules.SegmentRules;

/**
 * Gate 2: a version is promoted only if every scenario beside its rules gets the expected
 * decision. A segment without scenario files passes, and its report says it has none.
 */
@ApplicationScoped
public class ScenarioGate implements PromotionGate {

    public static final String NAME = "scenarios";

    /**
     * What the gate attaches to the version, shown at GET /segments. Only the first rules no
     * scenario fired are named: a 10,000-row table without scenarios would otherwise make every
     * segment listing megabytes long.
     */
    public record Summary(int scenarios, int passed, int failed, int rulesNotFiredCount, List<String> rulesNotFired) {
    }

    static final int NAMED_RULES_NOT_FIRED = 20;

    private final ScenarioRunner runner;

    @Inject
    public ScenarioGate(LeadFacts facts) {
        this.runner = new ScenarioRunner(facts);
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
    public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
        ScenarioReport report = runner.run(candidate, ScenarioFile.readAll(segment, folder));
        List<String> notFired = report.rulesNotFired();
        Summary summary = new Summary(report.passed() + report.failures().size(), report.passed(),
                report.failures().size(), notFired.size(),
                notFired.subList(0, Math.min(NAMED_RULES_NOT_FIRED, notFired.size())));
        return report.ok() ? GateResult.pass(NAME, summary) : GateResult.fail(NAME, report.failures(), summary);
    }
}
