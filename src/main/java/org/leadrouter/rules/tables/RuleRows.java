package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a table's rule rows into code, naming every cell that cannot be. */
final class RuleRows {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private RuleRows() {
    }

    static List<RuleRow> of(RuleTable table, Findings findings) {
        List<RuleRow> rows = new ArrayList<>();
        for (int row : table.rules()) {
            rows.add(row(table, row, findings));
        }
        return rows;
    }

    private static RuleRow row(RuleTable table, int row, Findings findings) {
        Grid grid = table.grid();
        Integer salience = null;
        String group = null;
        Map<Column, CellCode> conditions = new LinkedHashMap<>();
        Map<Column, CellCode> actions = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            String value = grid.text(row, column.index());
            switch (column.keyword()) {
                case PRIORITY -> {
                    if (WHOLE_NUMBER.matcher(value).matches()) {
                        salience = Integer.valueOf(value);
                    } else if (!value.isEmpty()) {
                        findings.error(grid, row, column.index(), "\"" + value + "\": a whole number is expected here, "
                                + "e.g. 200 (higher rows are tried first)");
                    }
                }
                case RULEFLOW_GROUP -> group = value.isEmpty() ? null : value;
                case CONDITION -> conditions.put(column, code(column, value, grid, row, findings));
                case ACTION -> {
                    CellCode action = code(column, value, grid, row, findings);
                    if (action.drl() != null) {
                        actions.put(column, action);
                    }
                }
                default -> {
                    // NAME is read by the table, DESCRIPTION is for people.
                }
            }
        }
        return new RuleRow(table, row, table.ruleName(row), salience, group, conditions, actions);
    }

    private static CellCode code(Column column, String value, Grid grid, int row, Findings findings) {
        if (value.isEmpty() || column.template() == null) {
            return CellCode.NOTHING;
        }
        try {
            return column.template().expand(value);
        } catch (CellProblem problem) {
            findings.error(grid, row, column.index(), "\"" + value + "\": " + problem.getMessage());
            return CellCode.NOTHING;
        }
    }
}
