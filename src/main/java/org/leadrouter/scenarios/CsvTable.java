package org.leadrouter.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated text as spreadsheets save it (RFC 4180): quoted cells may hold commas,
 * doubled quotes and line breaks. Each row keeps the line it starts on, so problems point at
 * the line an analyst sees in an editor.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** @throws IllegalArgumentException for a quote left open at the end of the text */
    public static List<TableRow> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<TableRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString().strip());
                cell.setLength(0);
                rows.add(new TableRow(rowStart, List.copyOf(cells)));
                cells.clear();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + rowStart + ": a quoted cell is not closed");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString().strip());
            rows.add(new TableRow(rowStart, List.copyOf(cells)));
        }
        return rows;
    }
}
