package org.leadrouter.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small rule packages written into temporary rules roots by the tests. */
public final class TestRulePackages {

    private TestRulePackages() {
    }

    /**
     * A complete package: a scoring rule adding {@code points} and a catch-all routing to
     * {@code queue}, so a decision shows which version made it by its queue and score together.
     */
    public static String routingTo(String queue, int points) {
        return """
                package rules.test
                import org.leadrouter.facts.Lead
                global org.leadrouter.facts.Decision decision

                rule "Score" ruleflow-group "scoring"
                when
                    Lead()
                then
                    decision.addScore(%d, "test score");
                end

                rule "Catch-all" salience -1000
                when
                    Lead()
                then
                    decision.fallback("%s", "No specific rule matched");
                end
                """.formatted(points, queue);
    }

    /** A rule for motor leads ({@code <prefix>-motor}) and a catch-all ({@code <prefix>-general}), no scoring. */
    public static String motorAndCatchAll(String prefix) {
        return """
                package rules.test
                import org.leadrouter.facts.Lead
                global org.leadrouter.facts.Decision decision

                rule "Motor leads"
                when
                    Lead(product == "motor")
                then
                    decision.route("%1$s-motor", "motor");
                end

                rule "Catch-all" salience -1000
                when
                    Lead()
                then
                    decision.fallback("%1$s-general", "No specific rule matched");
                end
                """.formatted(prefix);
    }

    /** A package whose condition names a field the lead does not have, at line 6. */
    public static String unknownField() {
        return """
                package rules.test
                import org.leadrouter.facts.Lead
                global org.leadrouter.facts.Decision decision

                rule "Postcode" when
                    Lead(postcde == "SW1")
                then
                    decision.route("q", "r");
                end
                """;
    }

    /** Writes a file atomically (temp file, then rename), as careful editors save. */
    public static void write(Path file, String content) {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A routing decision table: sheet {@code sheetName} with rules on rows 10 and 11 whose second
     * condition column (C) reads {@code postcodeField}; pass a misspelt field to break it.
     */
    public static byte[] routingTable(String sheetName, String postcodeField) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            set(sheet, 0, "RuleSet", "rules.test");
            set(sheet, 1, "Import", "org.leadrouter.facts.Lead");
            set(sheet, 2, "Variables", "org.leadrouter.facts.Decision decision");
            set(sheet, 4, "RuleTable Routing");
            set(sheet, 5, "NAME", "CONDITION", "CONDITION", "ACTION");
            // Every cell of a merged range must exist, or only its first column gets the pattern.
            set(sheet, 6, "", "Lead", "", "");
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 1, 2));
            set(sheet, 7, "", "product == \"$param\"", postcodeField + " str[startsWith] \"$param\"",
                    "decision.route(\"$param\", \"from the table\");");
            set(sheet, 8, "Name", "Product", "Postcode starts", "Queue");
            set(sheet, 9, "Motor SW", "motor", "SW", "table-motor-sw");
            set(sheet, 10, "Home E", "home", "E", "table-home-e");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a sheet holding a rule table to a workbook, after its first sheet. */
    public static byte[] withExtraRuleSheet(byte[] workbook, String sheetName) {
        try (Workbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            set(sheet, 2, "", "RuleTable More");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Sheet sheet, int rowIndex, String... values) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
