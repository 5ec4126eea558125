package org.leadrouter.rules.tables;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet of a decision table as the analyst sees it: the text of each cell (as displayed,
 * trimmed) and the merged ranges. Rows and columns count from 0; {@link #address} gives the
 * spreadsheet's own name of a cell ("F17").
 *
 * @param sheet the sheet's name, or null for a CSV table (which has one unnamed sheet)
 */
record Grid(String sheet, List<List<String>> rows, List<CellRangeAddress> merged) {

    String text(int row, int column) {
        if (row < 0 || row >= rows.size() || column < 0) {
            return "";
        }
        List<String> cells = rows.get(row);
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean blank(int row, int fromColumn, int toColumn) {
        for (int c = fromColumn; c <= toColumn; c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    int rowCount() {
        return rows.size();
    }

    int width(int row) {
        return row < rows.size() ? rows.get(row).size() : 0;
    }

    /** The merged range holding the cell, or null. */
    CellRangeAddress mergedAt(int row, int column) {
        return merged.stream().filter(range -> range.isInRange(row, column)).findFirst().orElse(null);
    }

    static String address(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }

    static String column(int column) {
        return CellReference.convertNumToColString(column);
    }
}
