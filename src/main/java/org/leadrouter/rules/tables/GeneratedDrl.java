package org.leadrouter.rules.tables;

import java.util.List;
import java.util.Map;

/**
 * The DRL written for a table file, with the sheet cell behind each line, so errors Drools
 * reports at a line of it can be said at the cell the analyst typed in.
 *
 * @param cells the cell of each line that came from one (a constraint, an action, a salience)
 * @param rules each rule row with the first and last DRL line it occupies
 */
record GeneratedDrl(String drl, Map<Integer, Cell> cells, List<Span> rules) {

    /** A cell of a grid: row and column from 0. */
    record Cell(Grid grid, int row, int column) {
    }

    record Span(RuleRow rule, int firstLine, int lastLine, Map<Integer, CellCode> codeByColumn) {

        boolean holds(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }
}
