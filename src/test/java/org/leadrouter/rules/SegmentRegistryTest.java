package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.versions.TestJournals;

class SegmentRegistryTest {

    @TempDir
    Path root;

    @Test
    void loadsEveryFolderAndSkipsEditorFolders() throws IOException {
        TestRulePackages.write(root.resolve("motor/routing.drl"), TestRulePackages.routingTo("motor-general", 1));
        TestRulePackages.write(root.resolve("home/routing.drl"), TestRulePackages.routingTo("home-general", 1));
        Files.createDirectories(root.resolve(".git"));

        List<ReloadOutcome> outcomes = registry(List.of()).reloadAll();

        assertEquals(List.of("home", "motor"), outcomes.stream().map(ReloadOutcome::segment).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.result() == ReloadOutcome.Result.PROMOTED), outcomes::toString);
    }

    @Test
    void brokenVersionKeepsTheLastGoodOneAndSaysWhere() {
        SegmentRegistry registry = registry(List.of());
        String good = load(registry, TestRulePackages.routingTo("q-good", 1)).activeVersion();

        ReloadOutcome broken = load(registry, TestRulePackages.unknownField());

        assertEquals(ReloadOutcome.Result.REJECTED, broken.result());
        assertEquals(ReloadOutcome.COMPILE_GATE, broken.rejectedBy());
        assertEquals(good, broken.activeVersion());
        assertEquals(List.of("routing.drl, line 6, column 10: rule 'Postcode': unknown field 'postcde' on Lead"),
                broken.errors().stream().map(RuleProblem::describe).toList());
        SegmentStatus status = registry.status("seg").orElseThrow();
        assertEquals(good, status.rulesetVersion());
        assertEquals(broken.candidateVersion(), status.lastRejected().version());
        assertEquals(broken.errors(), status.lastRejected().errors());
        assertEquals("q-good", decide(registry));

        ReloadOutcome fixed = load(registry, TestRulePackages.routingTo("q-fixed", 1));
        assertEquals(ReloadOutcome.Result.PROMOTED, fixed.result());
        assertNull(registry.status("seg").orElseThrow().lastRejected());
    }

    @Test
    void unchangedFolderIsNotRecompiledAndAScenarioChangeReChecksIt() {
        SegmentRegistry registry = registry(List.of());
        String version = load(registry, TestRulePackages.routingTo("q", 1)).activeVersion();
        // Editor droppings are not part of the version.
        TestRulePackages.write(root.resolve("seg/~$routing.drl.xlsx"), "lock");

        ReloadOutcome again = registry.reload("seg");

        assertEquals(ReloadOutcome.Result.UNCHANGED, again.result());
        assertEquals(version, again.activeVersion());
        // Nor are scenario files, but the active version is checked against them again.
        TestRulePackages.write(root.resolve("seg/scenarios.csv"), "id,expected");
        assertEquals(ReloadOutcome.Result.RECHECKED, registry.reload("seg").result());
        assertEquals(ReloadOutcome.Result.UNCHANGED, registry.reload("seg").result(), "checked against these scenarios already");
        assertEquals(version, registry.active("seg").orElseThrow().version());
        assertEquals(1, registry.status("seg").orElseThrow().history().size());
    }

    @Test
    void gatesRunInOrderAndTheFirstFailureRejects() {
        List<PromotionGate> gates = List.of(
                gate("replay", 20, (candidate, active) -> GateResult.fail("replay",
                        List.of(RuleProblem.ofSegment("never reached")))),
                gate("scenarios", 10, (candidate, active) -> candidate.fallbackQueue().equals("q-bad")
                        ? GateResult.fail("scenarios", List.of(new RuleProblem("scenarios.csv", 3, null, null, null,
                                "expected queue q-good, got q-bad")), Map.of("failed", 1))
                        : GateResult.pass("scenarios", Map.of("passed", 1))));
        SegmentRegistry registry = registry(gates);

        ReloadOutcome first = load(registry, TestRulePackages.routingTo("q-good", 1));
        assertEquals(ReloadOutcome.Result.REJECTED, first.result(), "the replay gate rejects everything");
        assertEquals("replay", first.rejectedBy());
        assertEquals(List.of("scenarios", "replay"), first.gates().stream().map(GateResult::gate).toList());

        ReloadOutcome bad = load(registry, TestRulePackages.routingTo("q-bad", 1));
        assertEquals("scenarios", bad.rejectedBy());
        assertEquals(List.of("scenarios.csv, line 3: expected queue q-good, got q-bad"),
                bad.errors().stream().map(RuleProblem::describe).toList());
        assertEquals(Map.of("failed", 1), bad.gates().get(0).report());
        assertEquals(1, bad.gates().size(), "gates after the failing one do not run");
    }

    @Test
    void rejectingGateKeepsTheLastGoodVersionAndReportsAreKept() {
        SegmentRegistry registry = registry(List.of(gate("scenarios", 10, (candidate, active) ->
                candidate.fallbackQueue().equals("q-bad")
                        ? GateResult.fail("scenarios", List.of(RuleProblem.inFile("scenarios.csv", "row 2 routed to q-bad")))
                        : GateResult.pass("scenarios", Map.of("compared", active.map(SegmentRules::version).orElse("none"))))));
        ReloadOutcome good = load(registry, TestRulePackages.routingTo("q-good", 1));

        ReloadOutcome bad = load(registry, TestRulePackages.routingTo("q-bad", 1));

        assertEquals(ReloadOutcome.Result.REJECTED, bad.result());
        assertEquals(good.activeVersion(), bad.activeVersion());
        assertEquals("q-good", decide(registry));
        SegmentStatus status = registry.status("seg").orElseThrow();
        assertEquals("scenarios", status.lastRejected().rejectedBy());
        assertEquals(Map.of("compared", "none"), status.gates().get(0).report());
    }

    @Test
    void gateThatThrowsRejectsInsteadOfFailingTheReload() {
        SegmentRegistry registry = registry(List.of(gate("replay", 10, (candidate, active) -> {
            throw new IllegalStateException("no recorded leads table");
        })));

        ReloadOutcome outcome = load(registry, TestRulePackages.routingTo("q", 1));

        assertEquals(ReloadOutcome.Result.REJECTED, outcome.result());
        assertTrue(outcome.errors().get(0).message().startsWith("gate replay could not run"), outcome.toString());
        assertEquals(SegmentStatus.Status.FAILED, registry.status("seg").orElseThrow().status());
    }

    @Test
    void rollbackGoesBackOneGoodVersionAtATimeWithinTheKeptHistory() {
        SegmentRegistry registry = registry(List.of());
        String v1 = load(registry, TestRulePackages.routingTo("q1", 1)).activeVersion();
        String v2 = load(registry, TestRulePackages.routingTo("q2", 1)).activeVersion();
        String v3 = load(registry, TestRulePackages.routingTo("q3", 1)).activeVersion();
        String v4 = load(registry, TestRulePackages.routingTo("q4", 1)).activeVersion();
        assertEquals(List.of(v4, v3, v2), versions(registry), "history keeps the configured 3 versions");

        ReloadOutcome back = registry.rollback("seg", "an-analyst").orElseThrow();

        assertEquals(ReloadOutcome.Result.ROLLED_BACK, back.result());
        assertEquals(v3, back.activeVersion());
        assertEquals(v4, back.candidateVersion());
        assertEquals("q3", decide(registry));
        assertEquals(v2, registry.rollback("seg", "an-analyst").orElseThrow().activeVersion());
        assertEquals(Optional.empty(), registry.rollback("seg", "an-analyst"), "v1 fell out of the history");
        assertEquals(Optional.empty(), registry.rollback("nobody", "an-analyst"));
        assertFalse(versions(registry).contains(v1));
    }

    @Test
    void rolledBackVersionIsNotReloadedFromTheSameFilesOnlyFromChangedOnes() {
        SegmentRegistry registry = registry(List.of());
        String v1 = load(registry, TestRulePackages.routingTo("q1", 1)).activeVersion();
        String v2 = load(registry, TestRulePackages.routingTo("q2", 1)).activeVersion();
        registry.rollback("seg", "an-analyst").orElseThrow();

        ReloadOutcome same = registry.reload("seg");

        assertEquals(ReloadOutcome.Result.WITHHELD, same.result());
        assertEquals(v1, same.activeVersion());
        assertEquals(v2, same.candidateVersion());
        assertEquals(List.of(v2), registry.status("seg").orElseThrow().rolledBack());
        ReloadOutcome changed = load(registry, TestRulePackages.routingTo("q3", 1));
        assertEquals(ReloadOutcome.Result.PROMOTED, changed.result());
        assertEquals(List.of(), registry.status("seg").orElseThrow().rolledBack());
    }

    @Test
    void removedFolderRetiresTheSegment() throws IOException {
        SegmentRegistry registry = registry(List.of());
        load(registry, TestRulePackages.routingTo("q", 1));
        Files.delete(root.resolve("seg/routing.drl"));
        Files.delete(root.resolve("seg"));

        ReloadOutcome outcome = registry.reload("seg");

        assertEquals(ReloadOutcome.Result.RETIRED, outcome.result());
        assertNull(outcome.activeVersion());
        assertFalse(registry.knows("seg"));
        assertEquals(Optional.empty(), registry.active("seg"));
    }

    @Test
    void namesThatAreNotOneFolderAreNeverSegments() {
        assertFalse(SegmentRegistry.isSegmentName("../etc"));
        assertFalse(SegmentRegistry.isSegmentName(".."));
        assertFalse(SegmentRegistry.isSegmentName("a\\b"));
        assertFalse(SegmentRegistry.isSegmentName("~$lock"));
        assertTrue(SegmentRegistry.isSegmentName("home insurance"));
        assertFalse(registry(List.of()).hasFolder("../" + root.getFileName()));
    }

    private SegmentRegistry registry(List<PromotionGate> gates) {
        return new SegmentRegistry(TestRulesConfig.of(root), gates, TestWatchdog.SHARED, TestJournals.h2());
    }

    private ReloadOutcome load(SegmentRegistry registry, String drl) {
        TestRulePackages.write(root.resolve("seg/routing.drl"), drl);
        return registry.reload("seg");
    }

    private static String decide(SegmentRegistry registry) {
        return registry.active("seg").orElseThrow().evaluate(RulePackageLoaderTest.lead("motor", "SW1A 1AA"))
                .decision().getQueue();
    }

    private static List<String> versions(SegmentRegistry registry) {
        return registry.status("seg").orElseThrow().history().stream().map(SegmentStatus.Version::version).toList();
    }

    interface Check {
        GateResult check(SegmentRules candidate, Optional<SegmentRules> active);
    }

    static PromotionGate gate(String name, int order, Check check) {
        return new PromotionGate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public GateResult check(String segment, Path folder, SegmentRules candidate, Optional<SegmentRules> active) {
                return check.check(candidate, active);
            }
        };
    }
}
