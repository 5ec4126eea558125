package org.leadrouter.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestWatchdog;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.routing.RegionDirectory;

class ScenarioRunnerTest {

    private static final String DRL = """
            package rules.test
            import org.leadrouter.facts.Lead
            global org.leadrouter.facts.Decision decision

            rule "Score: referral" ruleflow-group "scoring"
            when Lead(source == "referral") then decision.addScore(90, "referral"); end

            rule "Life in Yorkshire" salience 100
            when Lead(product == "life", region == "YORKSHIRE")
            then decision.requireSkill("fca-adviser", 5); decision.route("test-life-north", "life"); end

            rule "Never matches" salience 50
            when Lead(product == "no such product") then decision.route("nowhere", "never"); end

            rule "Throws" salience 50
            when Lead(product == "boom") then throw new IllegalStateException("boom"); end

            rule "Catch-all" salience -1000
            when Lead() then decision.fallback("test-general", "catch-all"); end
            """;

    private static SegmentRules rules;
    private final ScenarioRunner runner = new ScenarioRunner(new LeadFacts(new RegionDirectory(Optional.empty())));

    @BeforeAll
    static void compile() {
        LoadResult loaded = new RulePackageLoader(100, TestWatchdog.SHARED).compile("test",
                Map.of("routing.drl", DRL.getBytes(StandardCharsets.UTF_8)));
        assertTrue(loaded.ok(), loaded.problems().toString());
        rules = loaded.rules();
    }

    @Test
    void passingScenariosAreCountedAndTheirRulesCovered() {
        ScenarioReport report = run("""
                scenario,product,postcode,source,contact.phone,expectedQueue,expectedPriority,expectedFallback,expectedSkills
                Life lead in Leeds,life,ls1 4ap,referral,07700 900001,test-life-north,1,false,fca-adviser:5
                Pet lead,pet,SW1A 1AA,,07700 900002,test-general,5,true,none
                """);

        assertTrue(report.ok(), report.failures().toString());
        assertEquals(2, report.passed());
        assertEquals("test", report.segment());
        assertEquals(rules.version(), report.rulesetVersion());
        assertEquals(Set.of("Score: referral", "Life in Yorkshire", "Catch-all"), report.rulesFired());
        assertEquals(List.of("Never matches", "Throws"), report.rulesNotFired());
    }

    @Test
    void aWrongDecisionIsAProblemNamingTheRowWhatDifferedAndTheRulesThatFired() {
        ScenarioReport report = run("""
                scenario,product,postcode,contact.phone,expectedQueue,expectedPriority,expectedFallback,expectedSkills
                Pet lead,pet,SW1A 1AA,07700 900002,test-general,,,
                Life lead in Leeds,life,LS1 4AP,07700 900001,test-life-fca,2,true,fca-adviser:3
                """);

        assertEquals(1, report.passed());
        assertEquals(1, report.failures().size());
        RuleProblem failure = report.failures().get(0);
        assertEquals("scenarios.csv", failure.file());
        assertEquals(3, failure.line());
        assertEquals("row 3 'Life lead in Leeds': expected queue test-life-fca, got test-life-north; "
                + "expected priority 2, got 5 (score 0); expected fallback true, got false; "
                + "expected skills fca-adviser:3, got fca-adviser:5 (rules fired: Life in Yorkshire)",
                failure.message());
    }

    @Test
    void aRuleThatThrowsFailsItsScenarioOnly() {
        ScenarioReport report = run("""
                scenario,product,postcode,contact.phone,expectedQueue
                Exploding product,boom,SW1A 1AA,07700 900003,test-general
                Pet lead,pet,SW1A 1AA,07700 900002,test-general
                """);

        assertEquals(1, report.passed());
        assertFalse(report.ok());
        String message = report.failures().get(0).message();
        assertTrue(message.startsWith("row 2 'Exploding product': ") && message.contains("boom"), message);
    }

    @Test
    void badRowsOfTheFileAreFailuresOfTheReport() {
        ScenarioReport report = run("""
                scenario,estimatedValue,expectedQueue
                Not a number,lots,test-general
                """);

        assertEquals(0, report.passed());
        assertEquals(1, report.failures().size());
        assertEquals(2, report.failures().get(0).line());
    }

    private ScenarioReport run(String csv) {
        ScenarioFile file = ScenarioFile.parse("scenarios.csv", "test", CsvTable.parse(csv));
        return runner.run(rules, List.of(file));
    }
}
