package org.leadrouter.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestWatchdog;
import org.leadrouter.routing.LeadFacts;
import org.leadrouter.routing.RegionDirectory;

/**
 * The analysts' safety net: every segment folder shipped under rules/ compiles, decides each of
 * its scenarios as expected, and has no rule that no scenario exercises.
 */
class SegmentScenariosTest {

    private static final Path RULES = Path.of("rules");

    static Stream<Path> segments() throws IOException {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(RULES)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(folders.isEmpty(), "no segment folders under " + RULES);
        return folders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segments")
    void scenariosPassAndFireEveryRule(Path folder) {
        String segment = folder.getFileName().toString();
        LoadResult loaded = new RulePackageLoader(1000, TestWatchdog.SHARED).load(segment, folder);
        assertTrue(loaded.ok(), () -> segment + " does not load:\n" + describe(loaded.problems()));
        SegmentRules rules = loaded.rules();

        List<ScenarioFile> files = ScenarioFile.readAll(segment, folder);
        assertFalse(files.isEmpty(), segment + " has no scenarios.csv or scenarios.xlsx");
        ScenarioReport report = new ScenarioRunner(new LeadFacts(new RegionDirectory(Optional.empty())))
                .run(rules, files);

        assertTrue(report.ok(), () -> segment + ": " + report.failures().size() + " scenario(s) failed:\n"
                + describe(report.failures()));
        assertEquals(files.stream().mapToInt(f -> f.scenarios().size()).sum(), report.passed());
        assertEquals(List.of(), report.rulesNotFired(), segment + " has rules that no scenario fires");
    }

    private static String describe(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::describe).collect(Collectors.joining("\n"));
    }
}
