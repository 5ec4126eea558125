package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

    @TempDir
    Path folder;

    @Test
    void draftsLockFilesAndTheDraftsFolderAreNotRules() {
        String rules = TestRulePackages.routingTo("test-general", 1);
        TestRulePackages.write(folder.resolve("routing.drl"), rules);
        TestRulePackages.write(folder.resolve("territories.drl.xlsx"), TestRulePackages.routingTable("Routing", "postcode"));
        TestRulePackages.write(folder.resolve("~$territories.drl.xlsx"), "lock");
        TestRulePackages.write(folder.resolve("territories.draft.drl.xlsx"), "half done");
        TestRulePackages.write(folder.resolve("routing.draft.drl.csv"), "half done");
        TestRulePackages.write(folder.resolve("drafts/pets.drl"), "half done");

        assertEquals(List.of("routing.drl", "territories.drl.xlsx"), List.copyOf(RuleFiles.read(folder).keySet()));
        assertTrue(new RulePackageLoader(100, TestWatchdog.SHARED).load("test", folder).ok());
    }

    @Test
    void aDraftsFolderIsNeverASegment() {
        assertTrue(RuleFiles.isIgnored(RuleFiles.DRAFTS));
        assertTrue(RuleFiles.isIgnored("Routing.Draft.drl.xlsx"));
    }
}
