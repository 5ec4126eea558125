package org.leadrouter.rules.tables;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks across the rows of a table that no single cell shows: a row that repeats another's
 * conditions (error: one of them can never decide), two routing rows that can match the same
 * lead at the same priority with different actions (warning: which one wins is not defined), and
 * a text value that looks like a misspelling of a value the column uses elsewhere (warning).
 */
final class TableLinter {

    private TableLinter() {
    }

    static void check(RuleTable table, List<RuleRow> rows, Findings findings) {
        duplicates(table, rows, findings);
        overlaps(table, rows, findings);
        misspellings(table, rows, findings);
    }

    private static void duplicates(RuleTable table, List<RuleRow> rows, Findings findings) {
        Map<List<Object>, RuleRow> seen = new HashMap<>();
        for (RuleRow row : rows) {
            List<Object> key = List.of(row.conditionTexts(), Objects.toString(row.salience()), Objects.toString(row.group()));
            RuleRow first = seen.putIfAbsent(key, row);
            if (first != null) {
                findings.error(table.grid(), row.row(), table.column(), "row " + (row.row() + 1) + " (" + row.name()
                        + ") has the same conditions and priority as row " + (first.row() + 1) + " (" + first.name()
                        + "): only one of them can decide; delete one or make their conditions differ");
            }
        }
    }

    /** Scoring rows (with a RULEFLOW-GROUP) all fire and add up, so only routing rows can clash. */
    private static void overlaps(RuleTable table, List<RuleRow> rows, Findings findings) {
        for (int i = 0; i < rows.size(); i++) {
            RuleRow a = rows.get(i);
            for (int j = i + 1; j < rows.size(); j++) {
                RuleRow b = rows.get(j);
                if (a.group() == null && b.group() == null && Objects.equals(a.salience(), b.salience())
                        && !a.conditionTexts().equals(b.conditionTexts()) && !a.actionTexts().equals(b.actionTexts())
                        && a.overlaps(b)) {
                    findings.warn(table.grid(), b.row(), table.column(), "rows " + (a.row() + 1) + " (" + a.name()
                            + ") and " + (b.row() + 1) + " (" + b.name() + ") can match the same lead with the same "
                            + "priority " + a.salience() + ": which one routes it is not defined; give the more "
                            + "specific row a higher priority");
                }
            }
        }
    }

    /** A value used once that is one or two letters from a value used at least twice in the same column. */
    private static void misspellings(RuleTable table, List<RuleRow> rows, Findings findings) {
        for (Column column : table.of(Keyword.CONDITION)) {
            if (column.template() == null || column.template().type() != ValueType.TEXT) {
                continue;
            }
            Map<String, Long> uses = rows.stream()
                    .flatMap(r -> values(table.grid().text(r.row(), column.index())).stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            for (RuleRow row : rows) {
                for (String value : values(table.grid().text(row.row(), column.index()))) {
                    uses.entrySet().stream()
                            .filter(e -> uses.get(value) == 1 && e.getValue() >= 2 && !e.getKey().equals(value)
                                    && Spelling.distance(e.getKey(), value) <= 2)
                            .findFirst()
                            .ifPresent(e -> findings.warn(table.grid(), row.row(), column.index(), "\"" + value
                                    + "\" is used only here in " + column.title() + "; did you mean \"" + e.getKey()
                                    + "\" (used in " + e.getValue() + " rows)?"));
                }
            }
        }
    }

    private static List<String> values(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("any") ? List.of()
                : Arrays.stream(cell.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
