package org.leadrouter.rules.tables;

import java.util.List;

/**
 * One {@code RuleTable} block of a sheet: its columns and the rows that are rules.
 *
 * @param row      the row of the {@code RuleTable} cell (the keyword, object, code and label rows follow)
 * @param rules    the sheet rows that are rules
 */
record RuleTable(Grid grid, String name, int row, int column, int codeRow, List<Column> columns, List<Integer> rules) {

    Column find(Keyword keyword) {
        return columns.stream().filter(c -> c.keyword() == keyword).findFirst().orElse(null);
    }

    List<Column> of(Keyword keyword) {
        return columns.stream().filter(c -> c.keyword() == keyword).toList();
    }

    int lastColumn() {
        return columns.isEmpty() ? column : columns.get(columns.size() - 1).index();
    }

    /** The rule's name: its NAME cell, or the table's name and row as Drools names it. */
    String ruleName(int row) {
        Column name = find(Keyword.NAME);
        String text = name == null ? "" : grid.text(row, name.index());
        return text.isEmpty() ? this.name + "_" + (row + 1) : text;
    }
}
