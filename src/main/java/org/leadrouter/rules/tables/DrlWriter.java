package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the rule rows of a table file as DRL, one constraint or action per line, remembering
 * which cell each line came from. The fact class and the {@code decision} global are always
 * known, so a table needs no Import or Variables rows for them.
 */
final class DrlWriter {

    static final String LEAD = "org.leadrouter.facts.Lead";
    static final String DECISION = "org.leadrouter.facts.Decision decision";

    private final StringBuilder drl = new StringBuilder();
    private final Map<Integer, GeneratedDrl.Cell> cells = new HashMap<>();
    private final List<GeneratedDrl.Span> spans = new ArrayList<>();
    private int line = 1;

    static GeneratedDrl write(String pkg, Set<String> imports, Set<String> globals, List<RuleRow> rows) {
        DrlWriter writer = new DrlWriter();
        writer.line("package " + pkg + ";", null);
        Set<String> allImports = new LinkedHashSet<>(imports);
        allImports.add(LEAD);
        allImports.forEach(i -> writer.line("import " + i + ";", null));
        Set<String> allGlobals = new LinkedHashSet<>(globals);
        allGlobals.add(DECISION);
        allGlobals.forEach(g -> writer.line("global " + g + ";", null));
        rows.forEach(writer::rule);
        return new GeneratedDrl(writer.drl.toString(), Map.copyOf(writer.cells), List.copyOf(writer.spans));
    }

    private void rule(RuleRow row) {
        RuleTable table = row.table();
        Grid grid = table.grid();
        int first = line;
        Column name = table.find(Keyword.NAME);
        line("", null);
        line("rule \"" + row.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                cell(grid, row.row(), name == null ? table.column() : name.index()));
        if (row.salience() != null) {
            line("    salience " + row.salience(), cell(grid, row.row(), table.find(Keyword.PRIORITY).index()));
        }
        if (row.group() != null) {
            line("    ruleflow-group \"" + row.group().replace("\"", "") + "\"",
                    cell(grid, row.row(), table.find(Keyword.RULEFLOW_GROUP).index()));
        }
        line("when", null);
        Map<Integer, CellCode> byColumn = new LinkedHashMap<>();
        Map<Integer, List<Column>> patterns = new LinkedHashMap<>();
        row.conditions().keySet().forEach(c -> patterns.computeIfAbsent(c.pattern(), p -> new ArrayList<>()).add(c));
        for (List<Column> pattern : patterns.values()) {
            List<Column> used = pattern.stream().filter(c -> row.conditions().get(c).drl() != null).toList();
            String fact = pattern.get(0).fact();
            if (used.isEmpty()) {
                line("    " + fact + "()", cell(grid, table.codeRow() - 1, pattern.get(0).pattern()));
                continue;
            }
            line("    " + fact + "(", cell(grid, table.codeRow() - 1, pattern.get(0).pattern()));
            for (int i = 0; i < used.size(); i++) {
                Column column = used.get(i);
                CellCode code = row.conditions().get(column);
                byColumn.put(column.index(), code);
                line("        " + code.drl() + (i < used.size() - 1 ? "," : ""), cell(grid, row.row(), column.index()));
            }
            line("    )", null);
        }
        line("then", null);
        row.actions().forEach((column, code) -> {
            byColumn.put(column.index(), code);
            String action = code.drl().strip();
            line("    " + action + (action.endsWith(";") ? "" : ";"), cell(grid, row.row(), column.index()));
        });
        line("end", null);
        spans.add(new GeneratedDrl.Span(row, first, line - 1, byColumn));
    }

    private static GeneratedDrl.Cell cell(Grid grid, int row, int column) {
        return new GeneratedDrl.Cell(grid, row, column);
    }

    private void line(String text, GeneratedDrl.Cell cell) {
        // A cell may hold line breaks; one cell stays one line so the line map holds.
        drl.append(text.replace('\n', ' ').replace('\r', ' ')).append('\n');
        if (cell != null) {
            cells.put(line, cell);
        }
        line++;
    }
}
