package org.leadrouter.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * A decision table and the DRL Drools generates from it, so that build errors (which point at
 * lines of the generated DRL) can be said in the analyst's terms: sheet, row and cell.
 *
 * <p>Drools compiles only the first sheet of a workbook; rule tables on later sheets would be
 * silently ignored, so they are reported as problems instead.
 */
final class DecisionTableSource {

    private static final Pattern RULE_VALUES = Pattern.compile(
            "//\\s*rule values at ([A-Z]+)(\\d+)(?:, header at ([A-Z]+)(\\d+))?");
    private static final String RULE_TABLE = "ruletable";

    private final String file;
    private final byte[] content;
    private final boolean workbook;
    private final String drl;
    private final List<String> sheetNames;

    private DecisionTableSource(String file, byte[] content, boolean workbook, String drl, List<String> sheetNames) {
        this.file = file;
        this.content = content;
        this.workbook = workbook;
        this.drl = drl;
        this.sheetNames = sheetNames;
    }

    /** Generates the table's DRL; throws when the table itself cannot be read. */
    static DecisionTableSource compile(String file, RuleFiles.Kind kind, byte[] content) {
        boolean workbook = kind != RuleFiles.Kind.CSV;
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content),
                workbook ? InputType.XLS : InputType.CSV);
        List<String> sheets = new ArrayList<>();
        if (workbook) {
            withWorkbook(content, book -> book.forEach(sheet -> sheets.add(sheet.getSheetName())));
        }
        return new DecisionTableSource(file, content, workbook, drl, List.copyOf(sheets));
    }

    String drl() {
        return drl;
    }

    /** The sheet Drools compiles; null for a CSV table. */
    String ruleSheet() {
        return sheetNames.isEmpty() ? null : sheetNames.get(0);
    }

    /** Rule tables on sheets Drools never reads: each one is a set of rules that would silently not apply. */
    List<RuleProblem> ignoredSheetProblems() {
        if (sheetNames.size() < 2) {
            return List.of();
        }
        List<RuleProblem> problems = new ArrayList<>();
        withWorkbook(content, book -> {
            for (int i = 1; i < book.getNumberOfSheets(); i++) {
                Sheet sheet = book.getSheetAt(i);
                CellReference table = firstRuleTable(sheet);
                if (table != null) {
                    problems.add(new RuleProblem(file, null, null, sheet.getSheetName(),
                            "cell " + table.formatAsString(false),
                            "rule table on sheet '" + sheet.getSheetName() + "' is never compiled: only the first sheet ("
                                    + ruleSheet() + ") of a workbook holds rules; move it there or into a file of its own"));
                }
            }
        });
        return problems;
    }

    /**
     * The problem for a build error at {@code drlLine} of the generated DRL: the row of the rule
     * it belongs to, and when the error names a field, the cell of the column using that field.
     */
    RuleProblem locate(Integer drlLine, String message, String field) {
        Matcher values = ruleValuesBefore(drlLine);
        if (values == null) {
            return new RuleProblem(file, null, null, ruleSheet(), null, message);
        }
        int row = Integer.parseInt(values.group(2));
        String column = values.group(1);
        if (field != null && workbook && values.group(4) != null) {
            String fieldColumn = columnUsing(field, Integer.parseInt(values.group(4)), row);
            column = fieldColumn == null ? column : fieldColumn;
        }
        return new RuleProblem(file, null, null, ruleSheet(), "row " + row + " (cell " + column + row + ")", message);
    }

    private Matcher ruleValuesBefore(Integer drlLine) {
        String[] lines = drl.split("\n", -1);
        int from = drlLine == null ? lines.length : Math.min(drlLine, lines.length);
        for (int i = from - 1; i >= 0; i--) {
            Matcher values = RULE_VALUES.matcher(lines[i]);
            if (values.find()) {
                return values;
            }
        }
        return null;
    }

    /** The column whose header cells (between the RuleTable row and the rule's row) mention the field. */
    private String columnUsing(String field, int headerRow, int ruleRow) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(field) + "\\b");
        String[] found = new String[1];
        withWorkbook(content, book -> {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            for (int r = headerRow - 1; r < ruleRow - 1 && found[0] == null; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    if (word.matcher(text.formatCellValue(cell)).find()) {
                        found[0] = CellReference.convertNumToColString(cell.getColumnIndex());
                        break;
                    }
                }
            }
        });
        return found[0];
    }

    private static CellReference firstRuleTable(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = text.formatCellValue(cell).trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (value.startsWith(RULE_TABLE)) {
                    return new CellReference(cell);
                }
            }
        }
        return null;
    }

    private static void withWorkbook(byte[] content, java.util.function.Consumer<Workbook> use) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            use.accept(book);
        } catch (IOException e) {
            throw new UncheckedIOException("workbook cannot be read", e);
        }
    }
}
