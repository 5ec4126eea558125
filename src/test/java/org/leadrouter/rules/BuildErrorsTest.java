package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadrouter.facts.Lead;

class BuildErrorsTest {

    private final RulePackageLoader loader = new RulePackageLoader(100, TestWatchdog.SHARED);

    @Test
    void unknownFieldInDrlNamesFileLineColumnAndField() {
        LoadResult result = loader.compile("test", Map.of("routing.drl", bytes(TestRulePackages.unknownField())));

        assertFalse(result.ok());
        assertEquals(List.of("routing.drl, line 6, column 10: rule 'Postcode': unknown field 'postcde' on Lead"),
                describe(result));
    }

    @Test
    void syntaxErrorNamesLineAndColumnWithoutFollowOnNoise() {
        String drl = """
                package rules.test
                import org.leadrouter.facts.Lead
                global org.leadrouter.facts.Decision decision
                rule "Open bracket" when
                    Lead(product == "x"
                then
                end
                """;
        LoadResult result = loader.compile("test", Map.of("routing.drl", bytes(drl)));

        assertEquals(1, result.problems().size(), () -> describe(result).toString());
        RuleProblem problem = result.problems().get(0);
        assertEquals("routing.drl", problem.file());
        assertEquals(6, problem.line());
        assertEquals(1, problem.column());
        assertTrue(problem.message().contains("mismatched input 'then'"), problem.message());
    }

    @Test
    void unknownMethodInConsequenceIsNamed() {
        String drl = TestRulePackages.routingTo("q", 1).replace("decision.fallback(", "decision.fallbak(");
        LoadResult result = loader.compile("test", Map.of("routing.drl", bytes(drl)));

        assertEquals(1, result.problems().size());
        assertTrue(describe(result).get(0).startsWith("routing.drl, line "), describe(result).get(0));
        assertTrue(describe(result).get(0).endsWith(": unknown method 'fallbak(String, String)' on Decision"),
                describe(result).get(0));
    }

    @Test
    void aFieldMisspeltInATableColumnsCodeIsReportedOnceAtTheCodeCell() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("catch-all.drl", bytes(TestRulePackages.routingTo("test-general", 0)));
        files.put("routing.drl.xlsx", TestRulePackages.routingTable("Routing", "postcde"));

        LoadResult result = loader.compile("test", files);

        assertEquals(List.of("routing.drl.xlsx, sheet Routing, cell C8: the code of Postcode starts (\"postcde "
                + "str[startsWith] \"$param\"\") fails on every row that uses it: unknown field 'postcde' on Lead"),
                describe(result));
    }

    @Test
    void goodTableLoadsAndRoutes() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("catch-all.drl", bytes(TestRulePackages.routingTo("test-general", 0)));
        files.put("routing.drl.xlsx", TestRulePackages.routingTable("Routing", "postcode"));

        LoadResult result = loader.compile("test", files);

        assertTrue(result.ok(), () -> describe(result).toString());
        assertEquals(4, result.rules().ruleCount());
        assertEquals("table-motor-sw", result.rules().evaluate(lead("motor", "SW1A 1AA")).decision().getQueue());
        assertEquals("test-general", result.rules().evaluate(lead("motor", "N1 9GU")).decision().getQueue());
    }

    @Test
    void ruleTableOnALaterSheetIsReadToo() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("catch-all.drl", bytes(TestRulePackages.routingTo("test-general", 0)));
        files.put("routing.drl.xlsx", TestRulePackages.withExtraRuleSheet(
                TestRulePackages.routingTable("Routing", "postcode"), "Telecoms"));

        LoadResult result = loader.compile("test", files);

        assertEquals(List.of("routing.drl.xlsx, sheet Telecoms, cell B4: table More has no columns: the row under "
                + "RuleTable names each column (NAME, PRIORITY, CONDITION, ACTION, RULEFLOW-GROUP, DESCRIPTION)"),
                describe(result));
    }

    static Lead lead(String product, String postcode) {
        return new Lead("l-1", "test", "web", Instant.now(), product, postcode, null, null, null, null, null, null,
                null, null, null, null, Map.of());
    }

    private static List<String> describe(LoadResult result) {
        return result.problems().stream().map(RuleProblem::describe).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
