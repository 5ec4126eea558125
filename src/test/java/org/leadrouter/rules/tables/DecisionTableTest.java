package org.leadrouter.rules.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadrouter.facts.Lead;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RuleProblem;
import org.leadrouter.rules.SegmentRules;
import org.leadrouter.rules.TestWatchdog;

/**
 * The mistakes analysts make in decision tables, each reported at the cell typed in and in plain
 * words, and the cells that make tables easy to write: ranges, lists, blanks and {@code any}.
 */
class DecisionTableTest {

    private static final String FILE = "routing.drl.xlsx, sheet Routing, cell ";

    private final RulePackageLoader loader = new RulePackageLoader(100, TestWatchdog.SHARED);

    @Test
    void rangesListsAndBlankCellsRoute() {
        SegmentRules rules = loaded(TestTable.routing().set("D8", "LONDON, SOUTH_EAST").set("E10", "0-39999"));

        assertEquals("q-motor-london", queue(rules, "motor", "SOUTH_EAST", null));
        assertEquals("q-motor-london", queue(rules, "motor", "LONDON", 10));
        assertEquals("q-home-big", queue(rules, "home", "WALES", 40000));
        assertEquals("q-home", queue(rules, "home", "WALES", 39999));
        assertEquals("test-general", queue(rules, "home", "WALES", null), "a range never matches a missing value");
        assertEquals("test-general", queue(rules, "motor", "WALES", null));
        assertEquals(4, rules.ruleCount());
    }

    @Test
    void twoComparisonsJoinedByAndMakeARangeWithOpenEnds() {
        SegmentRules rules = loaded(TestTable.routing().set("E9", "> 10000 and <= 250000"));

        assertEquals("q-home", queue(rules, "home", "WALES", 10000));
        assertEquals("q-home-big", queue(rules, "home", "WALES", 10001));
        assertEquals("q-home-big", queue(rules, "home", "WALES", 250000));
        assertEquals("q-home", queue(rules, "home", "WALES", 250001));
    }

    @Test
    void aDateColumnTakesADateRange() {
        SegmentRules rules = loaded(TestTable.routing().set("H4", "CONDITION").set("H5", "Lead")
                .set("H6", "contractEndDate").set("H7", "Contract ends").set("H8", "2026-01-01 to 2026-03-31"));

        assertEquals("q-motor-london", decide(rules, "motor", "LONDON", null, LocalDate.parse("2026-03-31")));
        assertEquals("test-general", decide(rules, "motor", "LONDON", null, LocalDate.parse("2026-04-01")));
        assertEquals("test-general", decide(rules, "motor", "LONDON", null, null));
    }

    @Test
    void aDateThatIsNotADateIsReported() {
        assertEquals(List.of(FILE + "H8: \"31/03/2026\": a date is expected here, e.g. 2026-03-31"),
                rejected(TestTable.routing().set("H4", "CONDITION").set("H5", "Lead")
                        .set("H6", "contractEndDate").set("H7", "Contract ends").set("H8", "31/03/2026")));
    }

    @Test
    void indexedValuesAndFixedCodeColumnsWorkAsDocumented() {
        SegmentRules rules = loaded(TestTable.routing()
                .set("H4", "CONDITION", "ACTION").set("H5", "Lead", "")
                .set("H6", "contactable == false", "decision.route(\"$1\", $2, \"from the table\");")
                .set("H7", "No contact", "Queue, priority")
                .set("A12", "No contact", "900", "", "", "", "", "", "yes", "q-review, 2"));

        Lead lead = new Lead("l-1", "test", "web", Instant.parse("2026-01-15T09:00:00Z"), "motor", null, null, "LONDON",
                null, null, null, null, null, null, null, null, Map.of());
        assertEquals("q-review", rules.evaluate(lead).decision().getQueue());
        assertEquals(2, rules.evaluate(lead).decision().getPriority());
        assertEquals("q-motor-london", queue(rules, "motor", "LONDON", null), "with a phone the lead is contactable");
    }

    @Test
    void anyIsABlankCell() {
        SegmentRules rules = loaded(TestTable.routing().set("D8", "any"));

        assertEquals("q-motor-london", queue(rules, "motor", "WALES", null));
    }

    @Test
    void aWordForANumberIsReportedAtItsCell() {
        assertEquals(List.of(FILE + "E9: \"40k\": a number is expected here, e.g. 40000"),
                rejected(TestTable.routing().set("E9", "40k")));
        assertEquals(List.of(FILE + "E9: \">= 40k\": a number is expected here, e.g. 40000"),
                rejected(TestTable.routing().set("E9", ">= 40k")));
    }

    @Test
    void anOperatorTypedIntoACellWhoseCodeComparesIsReportedAtItsCell() {
        assertEquals(List.of(FILE + "C8: \"!= motor\": the column's code (product == \"$param\") already compares; "
                + "write the value only, or make the code just product to write comparisons and ranges in the cells"),
                rejected(TestTable.routing().set("C8", "!= motor")));
    }

    @Test
    void aComparisonOnATextColumnIsReported() {
        assertEquals(List.of(FILE + "D8: \"> LONDON\": a comparison such as > needs a number or date column; region "
                + "holds text: list the values instead, e.g. a, b"), rejected(TestTable.routing().set("D8", "> LONDON")));
    }

    @Test
    void strayQuotesAreReportedEvenWhenTheyWouldCompile() {
        assertEquals(List.of(FILE + "C8: \"\"motor\"\": quotes are not needed: write the value alone, the column's code "
                + "(product == \"$param\") already puts it in quotes"), rejected(TestTable.routing().set("C8", "\"motor\"")));
        assertEquals(List.of(FILE + "D8: \"LONDON\"\": quotes are not needed: write the value alone, the column adds them"),
                rejected(TestTable.routing().set("D8", "LONDON\"")));
        assertEquals(List.of(FILE + "F8: \"q-motor\"-london\": quotes are not needed: write the value alone, the column's "
                + "code (decision.route(\"$param\", \"from the table\");) already puts it in quotes"),
                rejected(TestTable.routing().set("F8", "q-motor\"-london")));
    }

    @Test
    void aCodeRowMistakeIsReportedOnceAtTheCodeCell() {
        assertEquals(List.of(FILE + "C6: the code of Product (\"prodct == \"$param\"\") fails on every row that uses "
                + "it: unknown field 'prodct' on Lead"), rejected(TestTable.routing().set("C6", "prodct == \"$param\"")));
    }

    @Test
    void aCodeCellWhoseQuotesOrBracketsDoNotBalanceIsReportedBeforeCompiling() {
        assertEquals(List.of(FILE + "F6: \"decision.route(\"$param\", \"from the table\";\": the brackets do not balance: "
                + "1 '(' and 0 ')'"), rejected(TestTable.routing().set("F6", "decision.route(\"$param\", \"from the table\";")));
        assertEquals(List.of(FILE + "C6: \"product == \"$param\": the quotes do not balance: a quote is opened and never closed"),
                rejected(TestTable.routing().set("C6", "product == \"$param")));
    }

    @Test
    void aMistakeOnlyDroolsFindsIsStillSaidAtTheValueCell() {
        List<String> problems = rejected(TestTable.routing().set("H4", "ACTION")
                .set("H6", "decision.setPriority($param);").set("H7", "Priority").set("H8", "high"));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(FILE + "H8: \"high\": 'high' is not a value the code knows: a number is expected here, or the "
                + "column's code must put text in quotes (\"$param\") (rule 'Motor in London'); Drools: high cannot be "
                + "resolved to a variable", problems.get(0));
    }

    @Test
    void twoConditionCellsMergedAcrossColumnsAreReported() {
        assertEquals(List.of(FILE + "C8: C8:D8 is merged across columns C to D: each column needs a cell of its own; "
                + "unmerge them"), rejected(TestTable.routing().merge("C8:D8")));
    }

    @Test
    void aCellMergedOverRuleRowsIsReported() {
        assertEquals(List.of(FILE + "C9: C9:C10 is merged over rows 9 to 10: only the first row gets the value, the "
                + "others read as blank; unmerge and repeat the value in each row"), rejected(TestTable.routing().merge("C9:C10")));
    }

    @Test
    void aBlankRowInsideATableIsReportedNotSilentlyDropped() {
        TestTable table = TestTable.routing().clearRow(10);

        assertEquals(List.of(FILE + "A10: blank row inside table Routing: a table ends at its first blank row, so the "
                + "rules below it (from row 11, Catch-all) are never compiled; delete the blank row"), rejected(table));
    }

    @Test
    void aRuleLikeRowBelowNotesAfterTheTableIsAWarning() {
        SegmentRules rules = loaded(TestTable.routing()
                .set("A13", "Notes: home rows need a value band")
                .set("A14", "Pet", "100", "pet", "", "", "q-pet"));

        assertEquals(List.of(FILE + "A14: row 14 looks like a rule of table Routing but is below the table's end (its "
                + "first blank row, 12), so it is not a rule; move it into the table or out of the table's columns"),
                describe(rules.warnings()));
    }

    @Test
    void aMisspeltKeywordIsReported() {
        assertEquals(List.of("routing.drl.xlsx, sheet Routing, cell D4: \"CONDITON\" is not a column keyword: write exactly "
                + "CONDITION (the keywords are NAME, PRIORITY, CONDITION, ACTION, RULEFLOW-GROUP, DESCRIPTION)"),
                rejected(TestTable.routing().set("D4", "CONDITON")));
    }

    @Test
    void anObjectCellNotSpanningItsConditionsIsReportedOncePerColumn() {
        assertEquals(List.of(
                FILE + "D5: the object cell C5 (\"Lead\") does not span this CONDITION column: merge C5:D5 so its "
                        + "conditions test the same Lead",
                FILE + "E5: the object cell C5 (\"Lead\") does not span this CONDITION column: merge C5:E5 so its "
                        + "conditions test the same Lead"),
                rejected(TestTable.routing().unmerge("C5:E5")));
    }

    @Test
    void aPriorityThatIsNotANumberIsReported() {
        assertEquals(List.of(FILE + "B8: \"high\": a whole number is expected here, e.g. 200 (higher rows are tried first)"),
                rejected(TestTable.routing().set("B8", "high")));
    }

    @Test
    void aDuplicateRowIsReported() {
        assertEquals(List.of(FILE + "A10: row 10 (Home) has the same conditions and priority as row 9 (Big home): only "
                + "one of them can decide; delete one or make their conditions differ"),
                rejected(TestTable.routing().set("B10", "200").set("E10", ">= 40000")));
    }

    @Test
    void aRuleNameUsedTwiceIsReportedAtTheSecondName() {
        TestTable table = TestTable.routing().set("A10", "Big home");
        table.sheet("More").setOn("More", "A1", "RuleTable More")
                .setOn("More", "A2", "NAME", "CONDITION", "ACTION")
                .setOn("More", "A3", "", "Lead", "")
                .setOn("More", "A4", "", "product", "decision.route(\"$param\", \"more\");")
                .setOn("More", "A5", "Rule", "Product", "Queue")
                .setOn("More", "A6", "Motor in London", "boat", "q-boat");

        assertEquals(List.of(
                FILE + "A10: \"Big home\": the rule name is already used in sheet Routing, row 9: every rule needs a name "
                        + "of its own",
                "routing.drl.xlsx, sheet More, cell A6: \"Motor in London\": the rule name is already used in sheet "
                        + "Routing, row 8: every rule needs a name of its own"),
                rejected(table));
    }

    @Test
    void rowsThatCanMatchTheSameLeadAtTheSamePriorityAreAWarning() {
        SegmentRules rules = loaded(TestTable.routing().set("B10", "200").set("E10", "10000-50000"));

        assertEquals(List.of(FILE + "A10: rows 9 (Big home) and 10 (Home) can match the same lead with the same "
                + "priority 200: which one routes it is not defined; give the more specific row a higher priority"),
                describe(rules.warnings()));
    }

    @Test
    void aListSharingOneValueWithAnotherRowOverlapsIt() {
        SegmentRules rules = loaded(TestTable.routing().set("D8", "LONDON, WALES").set("C9", "motor", "WALES"));

        assertEquals(List.of(FILE + "A9: rows 8 (Motor in London) and 9 (Big home) can match the same lead with the same "
                + "priority 200: which one routes it is not defined; give the more specific row a higher priority"),
                describe(rules.warnings()));
    }

    @Test
    void aLargeTableOfDistinctValuesIsCheckedForOverlapsToTheLastRow() {
        TestTable table = TestTable.routing().clearRow(11);
        int rows = 3_000;
        for (int i = 0; i < rows; i++) {
            table.set("A" + (11 + i), "Partner " + i, "200", "partner-" + i, "", "", "q-partner-" + (i % 7));
        }
        String last = "A" + (11 + rows);
        table.set(last, "Any partner in Wales", "200", "", "WALES", "", "q-wales");
        table.set("A" + (12 + rows), "Catch-all", "-1000", "", "", "", "", "test-general");

        SegmentRules rules = loaded(table);

        // The Wales row has no product, so it meets every row but Motor in London (LONDON) and the
        // lower-priority Home; the partners' distinct values never meet each other.
        List<String> warnings = describe(rules.warnings()).stream()
                .filter(w -> w.contains("can match the same lead")).toList();
        assertEquals(rows + 1, warnings.size(), () -> warnings.subList(0, Math.min(5, warnings.size())).toString());
        assertTrue(warnings.stream().allMatch(w -> w.startsWith(FILE + last + ": rows ")), () -> warnings.get(0));
        assertTrue(warnings.contains(FILE + last + ": rows 9 (Big home) and " + (11 + rows) + " (Any partner in Wales) can"
                + " match the same lead with the same priority 200: which one routes it is not defined; give the more"
                + " specific row a higher priority"), () -> warnings.get(0));
    }

    @Test
    void disjointRangesAtTheSamePriorityAreNoOverlap() {
        SegmentRules rules = loaded(TestTable.routing().set("B10", "200").set("E10", "< 40000"));

        assertEquals(List.of(), rules.warnings());
    }

    @Test
    void aHoleBetweenValueBandsIsAWarning() {
        SegmentRules rules = loaded(TestTable.routing().set("E10", "0-19999"));

        assertEquals(List.of(FILE + "E9: no row matches Value over 19999 and under 40000 between rows 10 (Home) and 9 "
                + "(Big home): widen one of the ranges if those leads should be routed here"),
                describe(rules.warnings()));
    }

    @Test
    void bandsThatMeetOnWholeValuesLeaveNoHole() {
        SegmentRules rules = loaded(TestTable.routing().set("E10", "0-39999"));

        assertEquals(List.of(), rules.warnings());
    }

    @Test
    void aValueUsedOnceThatLooksLikeAnotherIsAWarning() {
        SegmentRules rules = loaded(TestTable.routing().set("A12", "Hmoe in Wales", "150", "hmoe", "WALES", "", "q-wales"));

        assertEquals(List.of(FILE + "C12: \"hmoe\" is used only here in Product; did you mean \"home\" (used in 2 rows)?"),
                describe(rules.warnings()));
    }

    @Test
    void everySheetIsCompiledAndSheetsMarkedWithAnUnderscoreAreSkipped() {
        TestTable table = TestTable.routing().set("A11", "", "", "", "", "", "", "");
        table.sheet("Catch-all").setOn("Catch-all", "A1", "RuleTable Catch-all")
                .setOn("Catch-all", "A2", "NAME", "PRIORITY", "CONDITION", "ACTION")
                .setOn("Catch-all", "A3", "", "", "Lead", "")
                .setOn("Catch-all", "A4", "", "", "product", "decision.fallback(\"$param\", \"No specific rule matched\");")
                .setOn("Catch-all", "A5", "Rule", "Priority", "Product", "Queue")
                .setOn("Catch-all", "A6", "Catch-all", "-1000", "", "test-general");
        table.sheet("_Parked").setOn("_Parked", "A1", "RuleTable Broken").setOn("_Parked", "A2", "CONDITON");
        table.set("A12", "RuleTable Pets")
                .set("A13", "NAME", "PRIORITY", "CONDITION", "ACTION")
                .set("A14", "", "", "Lead", "")
                .set("A15", "", "", "product", "decision.route(\"$param\", \"pets\");")
                .set("A16", "Rule", "Priority", "Product", "Queue")
                .set("A17", "Pets", "150", "pet, dog", "q-pet");

        SegmentRules rules = loaded(table.clearRow(11));

        assertEquals("q-pet", queue(rules, "dog", "WALES", null), "a second table on the first sheet");
        assertEquals("test-general", queue(rules, "boat", "WALES", null), "a table on a second sheet");
        assertEquals(5, rules.ruleCount());
    }

    /** The loader keeps each table as last read: a reload must still see every change, and every mistake again. */
    @Test
    void aTableIsReadAgainWhenItsBytesChangeAndItsMistakesAreReportedOnEveryCompile() {
        assertEquals("q-home-big", queue(loaded(TestTable.routing()), "home", "WALES", 40000));
        assertEquals("q-home-large", queue(loaded(TestTable.routing().set("F9", "q-home-large")), "home", "WALES", 40000));
        assertEquals("q-home-big", queue(loaded(TestTable.routing()), "home", "WALES", 40000));

        TestTable mistaken = TestTable.routing().set("E9", "40k");
        List<String> first = rejected(mistaken);
        assertEquals(List.of(FILE + "E9: \"40k\": a number is expected here, e.g. 40000"), first);
        assertEquals(first, rejected(mistaken));
        assertEquals(first, describe(loader.compile("other", Map.of("routing.drl.xlsx", mistaken.bytes())).problems()));

        Map<String, byte[]> renamed = Map.of("renamed.drl.xlsx", TestTable.routing().bytes());
        assertTrue(loader.compile("test", renamed).ok());
    }

    @Test
    void aWorkbookThatCannotBeOpenedSaysSoInPlainWords() {
        LoadResult result = loader.compile("test", Map.of("routing.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)));

        RuleProblem problem = result.problems().get(0);
        assertEquals("routing.drl.xlsx", problem.file());
        assertTrue(problem.message().startsWith("the workbook cannot be opened"), problem.message());
    }

    @Test
    void aCsvTableNamesCellAndLine() {
        String csv = """
                RuleSet,rules.test
                RuleTable Routing
                NAME,PRIORITY,CONDITION,ACTION
                ,,Lead,
                ,,estimatedValue,"decision.route(""$param"", ""csv"");"
                Rule,Priority,Value,Queue
                Big,100,40k,q-big
                Catch-all,-1000,,
                """;
        LoadResult result = loader.compile("test", Map.of("routing.drl.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("routing.drl.csv, cell C7, line 7: \"40k\": a number is expected here, e.g. 40000"),
                describe(result.problems()));
    }

    /** The starter workbook with two mistakes, saved by LibreOffice Calc: a blank row (14) and a word for a number (E12). */
    @Test
    void aWorkbookSavedByLibreOfficeCalcIsReportedAtItsCells() throws IOException {
        byte[] saved = Files.readAllBytes(Path.of("src/test/resources/tables/libreoffice-mistakes.drl.xlsx"));

        LoadResult result = loader.compile("test", Map.of("mistakes.drl.xlsx", saved));

        assertEquals(List.of(
                "mistakes.drl.xlsx, sheet Routing, cell A14: blank row inside table Routing: a table ends at its first "
                        + "blank row, so the rules below it (from row 15, Home, rest of the UK) are never compiled; "
                        + "delete the blank row",
                "mistakes.drl.xlsx, sheet Routing, cell E12: \"250k\": a number is expected here, e.g. 40000"),
                describe(result.problems()));
    }

    private SegmentRules loaded(TestTable table) {
        LoadResult result = compile(table);
        assertTrue(result.ok(), () -> describe(result.problems()).toString());
        return result.rules();
    }

    private List<String> rejected(TestTable table) {
        LoadResult result = compile(table);
        assertTrue(!result.ok(), "expected the table to be rejected");
        return describe(result.problems());
    }

    private LoadResult compile(TestTable table) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("routing.drl.xlsx", table.bytes());
        return loader.compile("test", files);
    }

    static List<String> describe(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::describe).toList();
    }

    private static String queue(SegmentRules rules, String product, String region, Integer value) {
        return decide(rules, product, region, value, null);
    }

    private static String decide(SegmentRules rules, String product, String region, Integer value, LocalDate contractEnd) {
        Lead lead = new Lead("l-1", "test", "web", Instant.parse("2026-01-15T09:00:00Z"), product, null, null, region,
                null, null, null, contractEnd, value == null ? null : BigDecimal.valueOf(value), null, null,
                "07700 900001", Map.of());
        return rules.evaluate(lead).decision().getQueue();
    }
}
