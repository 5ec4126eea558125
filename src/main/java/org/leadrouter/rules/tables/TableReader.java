package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Finds the rule tables of a sheet and checks their layout before anything is compiled, so a
 * layout mistake is named at its cell instead of surfacing as a generated-code error, or worse,
 * as rules that silently do not exist: misspelt keywords, an object cell not spanning its
 * conditions, merged cells in the rule rows, and a blank row that ends a table early.
 */
final class TableReader {

    static final String RULE_TABLE = "ruletable";

    private final Grid grid;
    private final Findings findings;

    TableReader(Grid grid, Findings findings) {
        this.grid = grid;
        this.findings = findings;
    }

    List<RuleTable> tables() {
        List<RuleTable> tables = new ArrayList<>();
        for (int r = 0; r < grid.rowCount(); r++) {
            for (int c = 0; c < grid.width(r); c++) {
                if (isTableStart(r, c)) {
                    tables.add(table(r, c));
                }
            }
        }
        return tables;
    }

    /** The text right of a settings keyword ({@code RuleSet}, {@code Import}, {@code Variables}) anywhere on the sheet. */
    List<String> settings(String keyword) {
        List<String> values = new ArrayList<>();
        for (int r = 0; r < grid.rowCount(); r++) {
            for (int c = 0; c < grid.width(r); c++) {
                if (grid.text(r, c).equalsIgnoreCase(keyword) && !grid.text(r, c + 1).isEmpty()) {
                    values.add(grid.text(r, c + 1));
                }
            }
        }
        return values;
    }

    private boolean isTableStart(int row, int column) {
        return grid.text(row, column).toLowerCase(Locale.ROOT).replace(" ", "").startsWith(RULE_TABLE);
    }

    private RuleTable table(int row, int column) {
        String name = grid.text(row, column).substring("RuleTable".length()).trim();
        name = name.isEmpty() ? "Table" + (row + 1) : name;
        int keywordRow = row + 1;
        int codeRow = row + 3;
        List<Column> columns = new ArrayList<>();
        Column previous = null;
        for (int c = column; !grid.text(keywordRow, c).isEmpty(); c++) {
            String word = grid.text(keywordRow, c);
            Optional<Keyword> keyword = Keyword.exactly(word);
            if (keyword.isEmpty()) {
                findings.error(grid, keywordRow, c, "\"" + word + "\" is not a column keyword: write exactly "
                        + Keyword.closest(word).word() + " (the keywords are " + Keyword.all() + ")");
                continue;
            }
            Column read = column(keyword.get(), c, codeRow, previous);
            columns.add(read);
            previous = read;
        }
        if (columns.isEmpty()) {
            findings.error(grid, keywordRow, column, "table " + name + " has no columns: the row under RuleTable names "
                    + "each column (" + Keyword.all() + ")");
        }
        int last = columns.isEmpty() ? column : columns.get(columns.size() - 1).index();
        List<Integer> rules = new ArrayList<>();
        int r = codeRow + 2;
        for (; r < grid.rowCount() && !grid.blank(r, column, last) && !isTableStart(r, column); r++) {
            rules.add(r);
        }
        RuleTable table = new RuleTable(grid, name, row, column, codeRow, List.copyOf(columns), List.copyOf(rules));
        checkMerges(table, r - 1);
        checkEnd(table, r);
        return table;
    }

    private Column column(Keyword keyword, int c, int codeRow, Column previous) {
        String label = grid.text(codeRow + 1, c);
        if (keyword != Keyword.CONDITION && keyword != Keyword.ACTION) {
            return new Column(keyword, c, null, c, null, label);
        }
        String code = grid.text(codeRow, c);
        if (code.isEmpty()) {
            findings.error(grid, codeRow, c, "this " + keyword.word() + " column has no code: write what it "
                    + (keyword == Keyword.CONDITION ? "tests, e.g. product == \"$param\" or just estimatedValue"
                    : "does, e.g. decision.route(\"$param\", \"why\");"));
        }
        String unbalanced = Balance.check(code);
        if (unbalanced != null) {
            findings.error(grid, codeRow, c, "\"" + code + "\": " + unbalanced);
        }
        if (keyword == Keyword.ACTION) {
            return new Column(keyword, c, null, c, Template.of(code, null), label);
        }
        int objectRow = codeRow - 1;
        CellRangeAddress merged = grid.mergedAt(objectRow, c);
        int pattern = merged == null ? c : merged.getFirstColumn();
        String fact = grid.text(objectRow, pattern);
        if (fact.isEmpty() && previous != null && previous.keyword() == Keyword.CONDITION && previous.index() == c - 1
                && !previous.fact().isEmpty()) {
            String from = Grid.address(objectRow, previous.pattern());
            findings.error(grid, objectRow, c, "the object cell " + from + " (\"" + previous.fact() + "\") does not "
                    + "span this CONDITION column: merge " + from + ":" + Grid.address(objectRow, c)
                    + " so its conditions test the same " + previous.fact());
            return new Column(keyword, c, previous.fact(), previous.pattern(), Template.of(code, previous.fact()), label);
        }
        if (fact.isEmpty()) {
            findings.error(grid, objectRow, c, "this CONDITION column has no object: write the fact its condition "
                    + "tests above the code, e.g. Lead");
        }
        return new Column(keyword, c, fact, pattern, Template.of(code, fact), label);
    }

    /** Merged cells in the code row or the rule rows hide values: only a range's first cell holds one. */
    private void checkMerges(RuleTable table, int lastRow) {
        for (CellRangeAddress range : grid.merged()) {
            boolean inRows = range.getFirstRow() <= lastRow && range.getLastRow() >= table.codeRow();
            boolean inColumns = range.getFirstColumn() <= table.lastColumn() && range.getLastColumn() >= table.column();
            if (!inRows || !inColumns) {
                continue;
            }
            String at = range.formatAsString();
            if (range.getFirstColumn() != range.getLastColumn()) {
                findings.error(grid, range.getFirstRow(), range.getFirstColumn(), at + " is merged across columns "
                        + Grid.column(range.getFirstColumn()) + " to " + Grid.column(range.getLastColumn())
                        + ": each column needs a cell of its own; unmerge them");
            } else {
                findings.error(grid, range.getFirstRow(), range.getFirstColumn(), at + " is merged over rows "
                        + (range.getFirstRow() + 1) + " to " + (range.getLastRow() + 1) + ": only the first row "
                        + "gets the value, the others read as blank; unmerge and repeat the value in each row");
            }
        }
    }

    /**
     * A table ends at its first blank row. Rows below it that look like rules (a value in an
     * ACTION column and in another column of the table) would be silently dropped.
     */
    private void checkEnd(RuleTable table, int end) {
        List<Column> actions = table.of(Keyword.ACTION);
        boolean onlyBlank = true;
        for (int r = end; r < grid.rowCount() && !isTableStart(r, table.column()); r++) {
            if (grid.blank(r, table.column(), table.lastColumn())) {
                continue;
            }
            int row = r;
            long filled = table.columns().stream().filter(c -> !grid.text(row, c.index()).isEmpty()).count();
            boolean looksLikeRule = filled >= 2 && actions.stream().anyMatch(a -> !grid.text(row, a.index()).isEmpty());
            if (looksLikeRule && onlyBlank) {
                findings.error(grid, end, table.column(), "blank row inside table " + table.name() + ": a table ends at "
                        + "its first blank row, so the rules below it (from row " + (row + 1) + ", "
                        + table.ruleName(row) + ") are never compiled; delete the blank row");
                return;
            }
            if (looksLikeRule) {
                findings.warn(grid, row, table.column(), "row " + (row + 1) + " looks like a rule of table "
                        + table.name() + " but is below the table's end (its first blank row, " + (end + 1)
                        + "), so it is not a rule; move it into the table or out of the table's columns");
                return;
            }
            onlyBlank = false;
        }
    }
}
