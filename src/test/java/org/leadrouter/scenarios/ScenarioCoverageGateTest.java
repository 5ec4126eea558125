package org.leadrouter.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.routing.RegionDirectory;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestRulePackages;
import org.leadrouter.rules.TestWatchdog;

/** The rule-coverage gate: rules no scenario fires are reported (warn) or reject the version (strict). */
class ScenarioCoverageGateTest {

    @TempDir
    Path folder;

    @Test
    void warnPromotesAndNamesTheRuleNoScenarioFires() {
        GateResult result = check(RulesConfig.CoverageGate.WARN, "Home lead,home,07700 900001,cov-general");

        assertTrue(result.passed(), result::toString);
        assertEquals(new ScenarioGate.Summary(1, 1, 0, 1, List.of("Motor leads")), result.report());
    }

    @Test
    void strictRejectsTheRuleNoScenarioFires() {
        GateResult result = check(RulesConfig.CoverageGate.STRICT, "Home lead,home,07700 900001,cov-general");

        assertFalse(result.passed());
        assertEquals(List.of("rule 'Motor leads' is fired by no scenario (coverage gate strict): add a scenario that needs it"),
                result.problems().stream().map(RuleProblem::describe).toList());
    }

    @Test
    void strictPassesWhenEveryRuleIsFired() {
        GateResult result = check(RulesConfig.CoverageGate.STRICT, "Home lead,home,07700 900001,cov-general",
                "Motor lead,motor,07700 900002,cov-motor");

        assertTrue(result.passed(), result::toString);
    }

    private GateResult check(RulesConfig.CoverageGate coverage, String... scenarios) {
        TestRulePackages.write(folder.resolve("scenarios.csv"),
                "scenario,product,contact.phone,expectedQueue\n" + String.join("\n", scenarios) + "\n");
        SegmentRules rules = new RulePackageLoader(100, TestWatchdog.SHARED)
                .compile("cov", java.util.Map.of("routing.drl", TestRulePackages.motorAndCatchAll("cov")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).rules();
        return new ScenarioGate(new LeadFacts(new RegionDirectory(Optional.empty())), coverage)
                .check("cov", folder, rules, Optional.empty());
    }
}
