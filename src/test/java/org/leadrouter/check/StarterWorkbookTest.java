package org.leadrouter.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.rules.GateResult;
import org.leadrouter.rules.LoadResult;
import org.leadrouter.rules.RulePackageLoader;
import org.leadrouter.rules.RulesConfig;
import org.leadrouter.rules.TestWatchdog;
import org.leadrouter.scenarios.ScenarioGate;
import org.leadrouter.scenarios.XlsxTable;

/**
 * The starter workbook of docs/rules.md ("A new segment in 10 minutes"), used as the walkthrough
 * says: copied into a segment folder, its Scenarios sheet saved as scenarios.csv, then checked.
 */
class StarterWorkbookTest {

    private static final Path STARTER = Path.of("docs/templates/segment-starter.drl.xlsx");

    @TempDir
    Path root;

    @Test
    void theStarterWorkbookPassesCheckWithEveryRuleFiredAndNoWarnings() throws IOException {
        Path segment = root.resolve("starter");
        Files.createDirectories(segment);
        Files.copy(STARTER, segment.resolve("starter.drl.xlsx"));
        Files.writeString(segment.resolve("scenarios.csv"), scenariosSheetAsCsv());
        RulePackageLoader loader = new RulePackageLoader(100, TestWatchdog.SHARED);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = new RulesCheck(loader, RulesCheck.offlineGates(RulesConfig.CoverageGate.STRICT))
                .run(List.of("check", segment.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(RulesCheck.OK, code, output);
        assertTrue(output.lines().noneMatch(line -> line.contains("warning:")), "no warnings: " + output);
        assertTrue(output.startsWith("starter: OK starter@"), output);
        LoadResult loaded = loader.load("starter", segment);
        GateResult scenarios = RulesCheck.offlineGates(RulesConfig.CoverageGate.STRICT).get(0).check("starter", segment, loaded.rules(), Optional.empty());
        ScenarioGate.Summary summary = (ScenarioGate.Summary) scenarios.report();
        assertEquals(6, summary.passed());
        assertEquals(List.of(), summary.rulesNotFired());
    }

    /** What Calc's or Excel's "save as CSV" writes for the Scenarios sheet. */
    private static String scenariosSheetAsCsv() throws IOException {
        StringBuilder csv = new StringBuilder();
        try (InputStream in = Files.newInputStream(STARTER); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet("Scenarios");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    String text = XlsxTable.text(row.getCell(c));
                    cells.add(text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
                }
                csv.append(String.join(",", cells)).append('\n');
            }
        }
        return csv.toString();
    }
}
