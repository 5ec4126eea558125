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

    /** What the gate attaches to the version, shown at GET /segments. */
    public record Summary(int scenarios, int passed, int failed, List<String> rulesNotFired) {
    }

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
        Summary summary = new Summary(report.passed() + report.failures().size(), report.passed(),
                report.failures().size(), report.rulesNotFired());
        return report.ok() ? GateResult.pass(NAME, summary) : GateResult.fail(NAME, report.failures(), summary);
    }
}
