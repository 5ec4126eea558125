package org.leadrouter.rules.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.rules.Eventually;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.RuleSetVersion;
import org.leadrouter.rules.SegmentRegistry;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.SegmentStatus;
import org.leadrouter.rules.TestRulePackages;
import org.leadrouter.rules.TestRulesConfig;
import org.leadrouter.rules.TestWatchdog;
import org.leadrouter.rules.VersionEvent;
import org.leadrouter.rules.VersionJournal;
import org.leadrouter.versions.TestJournals;

class RulesWatcherTest {

    @TempDir
    Path root;

    private SegmentRegistry registry;
    private RulesWatcher watcher;
    private VersionJournal journal;

    @BeforeEach
    void start() throws IOException {
        TestRulePackages.write(root.resolve("motor/routing.drl"), TestRulePackages.routingTo("motor-v1", 1));
        TestRulePackages.write(root.resolve("home/routing.drl"), TestRulePackages.routingTo("home-v1", 1));
        TestRulesConfig config = TestRulesConfig.of(root);
        journal = TestJournals.h2();
        registry = new SegmentRegistry(config, List.of(), TestWatchdog.SHARED, journal);
        registry.reloadAll();
        watcher = RulesWatcher.start(registry, config.debounce());
    }

    @AfterEach
    void stop() {
        watcher.close();
    }

    @Test
    void changedFileReloadsOnlyItsSegment() {
        SegmentRules home = registry.active("home").orElseThrow();
        String v2 = write("motor", "routing.drl", TestRulePackages.routingTo("motor-v2", 1));

        awaitVersion("motor", v2);

        assertEquals(Optional.of(home), registry.active("home"), "the other segment keeps the same instance");
    }

    @Test
    void aScenarioFileSavedAloneReChecksTheActiveVersion() {
        String active = registry.active("motor").orElseThrow().version();
        TestRulePackages.write(root.resolve("motor/scenarios.csv"), "scenario,product,contact.phone,expectedQueue\n");

        Eventually.await("motor re-checked", () -> journal.recent("motor", 1).get(0).kind() == VersionEvent.Kind.RECHECKED,
                () -> journal.recent("motor", 5));
        assertEquals(active, journal.recent("motor", 1).get(0).version());
        assertEquals(active, registry.active("motor").orElseThrow().version());
    }

    @Test
    void addedFileInASegmentIsLoaded() {
        TestRulePackages.write(root.resolve("motor/extra.drl"), """
                package rules.test
                import org.leadrouter.facts.Lead
                global org.leadrouter.facts.Decision decision
                rule "Extra" salience 10 when Lead(product == "van") then decision.route("vans", "vans"); end
                """);

        Eventually.await("motor has 3 rules", () -> registry.active("motor").orElseThrow().ruleCount() == 3,
                registry::statuses);
        assertEquals(List.of("extra.drl", "routing.drl"), registry.active("motor").orElseThrow().files());
    }

    @Test
    void burstOfSavesEndsOnTheLastVersion() {
        String last = null;
        for (int i = 2; i <= 6; i++) {
            last = write("motor", "routing.drl", TestRulePackages.routingTo("motor-v" + i, 1));
        }

        awaitVersion("motor", last);
    }

    @Test
    void newFolderBecomesASegment() {
        String version = write("telecoms", "routing.drl", TestRulePackages.routingTo("telecoms-general", 1));

        awaitVersion("telecoms", version);
    }

    @Test
    void removedFolderRetiresItsSegment() throws IOException {
        Files.delete(root.resolve("home/routing.drl"));
        Files.delete(root.resolve("home"));

        Eventually.await("home retired", () -> !registry.knows("home"), registry::statuses);
        assertTrue(registry.knows("motor"));
    }

    @Test
    void brokenSaveKeepsTheLastGoodVersionAndRecordsTheErrors() {
        String good = registry.active("motor").orElseThrow().version();
        String broken = write("motor", "routing.drl", TestRulePackages.unknownField());

        Eventually.await("the broken version is rejected", () -> rejected("motor").equals(broken), registry::statuses);

        assertEquals(good, registry.active("motor").orElseThrow().version());
        assertEquals(List.of("routing.drl, line 6, column 10: rule 'Postcode': unknown field 'postcde' on Lead"),
                registry.status("motor").orElseThrow().lastRejected().errors().stream().map(RuleProblem::describe).toList());
    }

    @Test
    void editorLockAndTemporaryFilesNeverTriggerAReload() {
        assertFalse(RulesWatcher.triggersReload("~$routing.drl.xlsx"));
        assertFalse(RulesWatcher.triggersReload(".~lock.routing.drl.xlsx#"));
        assertFalse(RulesWatcher.triggersReload(".routing.drl.swp"));
        assertFalse(RulesWatcher.triggersReload("routing.drl~"));
        assertFalse(RulesWatcher.triggersReload("4913"));
        assertFalse(RulesWatcher.triggersReload("routing.drl.tmp"));
        assertTrue(RulesWatcher.triggersReload("scenarios.csv"), "a scenario change re-checks the active version");
        assertFalse(RulesWatcher.triggersReload("~$scenarios.xlsx"));
        assertTrue(RulesWatcher.triggersReload("routing.drl"));
        assertTrue(RulesWatcher.triggersReload("routing.drl.xlsx"));
    }

    private String write(String segment, String file, String drl) {
        TestRulePackages.write(root.resolve(segment).resolve(file), drl);
        return RuleSetVersion.of(segment, Map.of(file, drl.getBytes(StandardCharsets.UTF_8)));
    }

    private void awaitVersion(String segment, String version) {
        Eventually.await(segment + " at " + version,
                () -> registry.active(segment).map(SegmentRules::version).orElse("").equals(version), registry::statuses);
    }

    private String rejected(String segment) {
        SegmentStatus.RejectedAttempt attempt = registry.status(segment).orElseThrow().lastRejected();
        return attempt == null ? "" : attempt.version();
    }
}
