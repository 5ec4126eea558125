package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnboundedLoopsTest {

    private static final String HEADER = """
            package rules.test
            import org.leadrouter.facts.Lead
            global org.leadrouter.facts.Decision decision

            """;

    private static List<Integer> linesFlagged(String drl) {
        return UnboundedLoops.find("routing.drl", HEADER + drl).stream().map(RuleProblem::line).toList();
    }

    @Test
    void findsEachEndlessLoopFormWithItsRuleAndLine() {
        List<RuleProblem> problems = UnboundedLoops.find("routing.drl", HEADER + """
                rule "Spins" salience 10
                when
                    Lead(product == "tv")
                then
                    int n = 0;
                    while ( true ) { n++; }
                end

                rule "Counts" when Lead() then for (;;) { decision.addScore(1); } end

                rule 'Does' when Lead()
                then
                    do { decision.addScore(1); }
                    while (true);
                end
                """);

        assertEquals(List.of(10, 13, 18), problems.stream().map(RuleProblem::line).toList());
        assertEquals("routing.drl", problems.get(0).file());
        assertEquals("rule 'Spins' loops forever: 'while ( true )' with no break, return or throw in its consequence "
                + "would hold a thread on every lead it matches; bound the loop", problems.get(0).message());
        assertEquals("rule 'Counts' loops forever: 'for (;;)' with no break, return or throw in its consequence "
                + "would hold a thread on every lead it matches; bound the loop", problems.get(1).message());
        assertEquals("rule 'Does' loops forever: 'while (true)' with no break, return or throw in its consequence "
                + "would hold a thread on every lead it matches; bound the loop", problems.get(2).message());
    }

    @Test
    void leavesLoopsThatCanEndAndLoopsOutsideConsequencesAlone() {
        assertEquals(List.of(), linesFlagged("""
                // while (true) in a comment, and in a condition-free function:
                function int firstFree(int[] slots) { for (;;) { return 0; } }

                rule "Retries" when Lead()
                then
                    int attempts = 0;
                    while (true) {
                        if (++attempts > 3) { break; }
                    }
                end

                rule "Bounded" when Lead()
                then
                    for (int i = 0; i < 3; i++) { decision.addScore(1); } // not for (;;)
                end
                """));
    }

    @Test
    void theCompileGateRejectsTheRuleWithFileAndLine() {
        LoadResult result = new RulePackageLoader(100, TestWatchdog.SHARED).compile("test", Map.of(
                "routing.drl", (HEADER + """
                        rule "Catch-all" salience -1000
                        when Lead()
                        then
                            decision.fallback("test-general", "nothing matched");
                            while (true) { }
                        end
                        """).getBytes(StandardCharsets.UTF_8)));

        assertFalse(result.ok());
        assertEquals("routing.drl, line 9: rule 'Catch-all' loops forever: 'while (true)' with no break, return or "
                + "throw in its consequence would hold a thread on every lead it matches; bound the loop",
                result.problems().get(0).describe());
    }
}
