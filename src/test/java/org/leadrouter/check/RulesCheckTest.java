package org.leadrouter.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.PromotionGate;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.RuleSetVersion;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestRulePackages;
import org.leadrouter.rules.TestWatchdog;

class RulesCheckTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void goodFolderPrintsOkWithVersionAndRuleCount() {
        String drl = TestRulePackages.routingTo("motor-general", 1);
        TestRulePackages.write(root.resolve("motor/routing.drl"), drl);

        int code = check(List.of(), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.OK, code);
        assertEquals("motor: OK " + RuleSetVersion.of("motor", Map.of("routing.drl", drl.getBytes(StandardCharsets.UTF_8)))
                + ", 2 rules from routing.drl\n", output());
    }

    @Test
    void brokenFolderPrintsEveryProblemAsTheServiceSaysItAndFails() {
        TestRulePackages.write(root.resolve("motor/catch-all.drl"), TestRulePackages.routingTo("motor-general", 1));
        TestRulePackages.write(root.resolve("motor/routing.drl.xlsx"), TestRulePackages.routingTable("Routing", "postcde"));
        TestRulePackages.write(root.resolve("motor/extra.drl"), TestRulePackages.unknownField());

        int code = check(List.of(), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertEquals(3, lines.size(), output());
        assertTrue(lines.get(0).matches("motor: REJECTED motor@[0-9a-f]{12} by compile, 2 problems:"), lines.get(0));
        assertEquals(List.of(
                "  extra.drl, line 6, column 10: rule 'Postcode': unknown field 'postcde' on Lead",
                "  routing.drl.xlsx, sheet Routing, cell C8: the code of Postcode starts (\"postcde str[startsWith] "
                        + "\"$param\"\") fails on every row that uses it: unknown field 'postcde' on Lead"),
                lines.subList(1, 3).stream().sorted().toList());
    }

    @Test
    void rulesRootChecksEverySegmentAndFailsIfAnyFails() {
        TestRulePackages.write(root.resolve("home/routing.drl"), TestRulePackages.routingTo("home-general", 1));
        TestRulePackages.write(root.resolve("motor/routing.drl"), "package rules.test\nglobal org.leadrouter.facts.Decision decision\n");

        int code = check(List.of(), "check", root.toString());

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).startsWith("home: OK home@"), output());
        assertTrue(lines.get(1).startsWith("motor: REJECTED motor@"), output());
        assertEquals("  no catch-all rule: the lowest-salience routing rule must route every lead, e.g. rule \"Catch-all\" "
                + "salience -1000 when Lead() then decision.fallback(\"motor-general\", \"No specific rule matched\"); end",
                lines.get(2));
    }

    @Test
    void failingGateRejectsWithItsProblems() {
        TestRulePackages.write(root.resolve("motor/routing.drl"), TestRulePackages.routingTo("motor-general", 1));
        PromotionGate scenarios = new PromotionGate() {
            @Override
            public String name() {
                return "scenarios";
            }

            @Override
            public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
                return GateResult.fail("scenarios", List.of(new RuleProblem("scenarios.csv", 2, null, null, null,
                        "lead s-1 expected queue motor-london, got " + candidate.fallbackQueue())));
            }
        };

        int code = check(List.of(scenarios), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).endsWith(" by scenarios, 1 problem:"), output());
        assertEquals("  scenarios.csv, line 2: lead s-1 expected queue motor-london, got motor-general", lines.get(1));
    }

    @Test
    void theShippedSampleRulesPassTheirScenarios() {
        int code = check(RulesCheck.offlineGates(RulesConfig.CoverageGate.WARN), "check", "rules");

        assertEquals(RulesCheck.OK, code, output());
        assertTrue(output().contains("insurance: OK insurance@"), output());
        assertTrue(output().contains("telecoms: OK telecoms@"), output());
    }

    @Test
    void aScenarioThatGetsAnotherQueueRejectsTheFolder() {
        TestRulePackages.write(root.resolve("motor/routing.drl"), TestRulePackages.routingTo("motor-general", 1));
        TestRulePackages.write(root.resolve("motor/scenarios.csv"), """
                scenario,product,contact.phone,expectedQueue
                Any motor lead,motor,07700 900001,motor-general
                Motor in London,motor,07700 900002,motor-london
                """);

        int code = check(RulesCheck.offlineGates(RulesConfig.CoverageGate.WARN), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).endsWith(" by scenarios, 1 problem:"), output());
        assertTrue(lines.get(1).startsWith("  scenarios.csv, line 3: row 3 'Motor in London': expected queue motor-london, "
                + "got motor-general"), output());
    }

    @Test
    void printsScenariosRunAndPassedAndTheRulesNoScenarioFires() {
        writeHomeScenarioOnly();

        int code = check(RulesCheck.offlineGates(RulesConfig.CoverageGate.WARN), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.OK, code, output());
        assertEquals("  scenarios: 1 run, 1 passed, 0 failed; 1 rule no scenario fires: Motor leads",
                output().lines().toList().get(1));
    }

    @Test
    void strictCoverageRejectsARuleNoScenarioFires() {
        writeHomeScenarioOnly();

        int code = check(RulesCheck.offlineGates(RulesConfig.CoverageGate.STRICT), "check", root.resolve("motor").toString());

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).endsWith(" by scenarios, 1 problem:"), output());
        assertEquals(List.of("  rule 'Motor leads' is fired by no scenario (coverage gate strict): add a scenario that needs it",
                "  scenarios: 1 run, 1 passed, 0 failed; 1 rule no scenario fires: Motor leads"), lines.subList(1, 3));
    }

    private void writeHomeScenarioOnly() {
        TestRulePackages.write(root.resolve("motor/routing.drl"), TestRulePackages.motorAndCatchAll("cov"));
        TestRulePackages.write(root.resolve("motor/scenarios.csv"), """
                scenario,product,contact.phone,expectedQueue
                Home lead,home,07700 900001,cov-general
                """);
    }

    @Test
    void aScenarioReachingARuleThatNeverReturnsIsReportedNotWaitedFor() {
        int code = check(RulesCheck.offlineGates(RulesConfig.CoverageGate.WARN), "check", "src/test/resources/deadline-rules/looping");

        assertEquals(RulesCheck.REJECTED, code);
        List<String> lines = output().lines().toList();
        assertTrue(lines.get(0).startsWith("looping: REJECTED looping@"), output());
        assertEquals("  rule 'TV bundle pricing' did not finish within 1000ms on a lead of this gate: the version is "
                + "quarantined", lines.get(1));
        assertEquals("  scenarios.csv, line 3: row 3 'TV lead': rule 'TV bundle pricing' did not finish within 1000ms",
                lines.get(2));
    }

    @Test
    void wrongUsageAndMissingFoldersExitWithTheUsageCode() {
        assertEquals(RulesCheck.USAGE, check(List.of(), "check"));
        assertEquals(RulesCheck.USAGE, check(List.of(), "verify", root.toString()));
        assertEquals(RulesCheck.USAGE, check(List.of(), "check", root.resolve("nowhere").toString()));
        assertEquals("usage: check [--coverage=strict] <segment folder or rules root>...\n"
                + "usage: check [--coverage=strict] <segment folder or rules root>...\n"
                + root.resolve("nowhere") + ": no such folder\n", output());
    }

    private int check(List<PromotionGate> gates, String... args) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new RulesCheck(new RulePackageLoader(100, TestWatchdog.SHARED), gates).run(List.of(args), out);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
