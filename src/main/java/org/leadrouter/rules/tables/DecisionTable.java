package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadrouter.rules.RuleProblem;

/**
 * A decision table file (every sheet of a workbook, or a {@code .drl.csv}) read, linted and
 * written as DRL. Layout and cell mistakes are found before Drools sees the rules; what Drools
 * still reports is mapped back to the cell behind the generated line ({@link #locate}).
 */
public final class DecisionTable {

    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.*?):", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\w+) cannot be resolved");
    private static final Pattern CSV_LINE = Pattern.compile("^line (\\d+): ");

    private final List<Grid> grids;
    private final Findings findings;
    private final GeneratedDrl generated;

    private DecisionTable(List<Grid> grids, Findings findings, GeneratedDrl generated) {
        this.grids = grids;
        this.findings = findings;
        this.generated = generated;
    }

    /** A Drools build error at a line of {@link #drl()}: its analyst message, the field it names (or null), and Drools' own text. */
    public record CompileError(Integer line, String message, String field, String detail) {
    }

    /** @param segment names the package when no sheet has a {@code RuleSet} cell */
    public static DecisionTable read(String file, String segment, byte[] content) {
        Findings findings = new Findings(file);
        List<Grid> grids;
        try {
            grids = Sheets.read(file, content);
        } catch (IllegalArgumentException e) {
            Matcher line = CSV_LINE.matcher(e.getMessage());
            boolean atLine = line.find();
            findings.error(atLine ? e.getMessage().substring(line.end()) : e.getMessage(),
                    atLine ? Integer.valueOf(line.group(1)) : null);
            return new DecisionTable(List.of(), findings, null);
        }
        String pkg = null;
        Set<String> imports = new LinkedHashSet<>();
        Set<String> globals = new LinkedHashSet<>();
        List<RuleRow> rows = new ArrayList<>();
        for (Grid grid : grids) {
            TableReader reader = new TableReader(grid, findings);
            List<RuleTable> tables = reader.tables();
            if (tables.isEmpty()) {
                continue;
            }
            if (pkg == null) {
                pkg = reader.settings("RuleSet").stream().findFirst().orElse(null);
            }
            reader.settings("Import").forEach(i -> imports.addAll(split(i)));
            reader.settings("Variables").forEach(v -> globals.addAll(split(v)));
            for (RuleTable table : tables) {
                List<RuleRow> tableRows = RuleRows.of(table, findings);
                TableLinter.check(table, tableRows, findings);
                rows.addAll(tableRows);
            }
        }
        TableLinter.uniqueNames(rows, findings);
        if (rows.isEmpty() && findings.errors().isEmpty()) {
            findings.error(first(grids), 0, 0, "no rules: no sheet holds a RuleTable with rule rows (sheets whose name "
                    + "starts with " + Sheets.SKIP_MARKER + " are skipped)");
        }
        String packageName = pkg != null ? pkg : "rules." + segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        // With errors the version is rejected as it stands: there is nothing to compile.
        return new DecisionTable(grids, findings, findings.errors().isEmpty()
                ? DrlWriter.write(packageName, imports, globals, rows) : null);
    }

    /** Layout and cell errors: any of them rejects the version, and then there is nothing to compile. */
    public List<RuleProblem> errors() {
        return findings.errors();
    }

    public List<RuleProblem> warnings() {
        return findings.warnings();
    }

    public String drl() {
        return generated.drl();
    }

    /**
     * Says Drools' errors at the cells behind them. When a column's code fails the same way on
     * every row using it, the mistake is in the code row, so it is said once, at that cell.
     */
    public List<RuleProblem> locate(List<CompileError> errors) {
        Map<Key, List<Located>> byColumnAndMessage = new LinkedHashMap<>();
        for (CompileError error : errors) {
            Located located = locate(error);
            Key key = new Key(located.span == null ? null : located.span.rule().table(),
                    located.cell == null ? -1 : located.cell.column(), error.message());
            byColumnAndMessage.computeIfAbsent(key, k -> new ArrayList<>()).add(located);
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (List<Located> group : byColumnAndMessage.values()) {
            Column column = codeColumn(group);
            if (column != null) {
                RuleTable table = group.get(0).span.rule().table();
                problems.add(findings.at(table.grid(), table.codeRow(), column.index(), "the code of " + column.title()
                        + " (\"" + table.grid().text(table.codeRow(), column.index()) + "\") fails on every row that uses it: "
                        + group.get(0).error.message() + detail(group.get(0).error)));
            } else {
                group.forEach(located -> problems.add(located.problem()));
            }
        }
        return problems;
    }

    private record Key(RuleTable table, int column, String message) {
    }

    private record Located(CompileError error, GeneratedDrl.Span span, GeneratedDrl.Cell cell, RuleProblem problem) {
    }

    private Located locate(CompileError error) {
        GeneratedDrl.Span span = error.line() == null ? null
                : generated.rules().stream().filter(s -> s.holds(error.line())).findFirst().orElse(null);
        if (span == null) {
            return new Located(error, null, null, findings.at(first(grids), 0, 0, error.message() + detail(error)));
        }
        GeneratedDrl.Cell cell = cellOf(error, span);
        String text = cell.grid().text(cell.row(), cell.column());
        String message = (text.isEmpty() ? "" : "\"" + text + "\": ") + error.message() + " (rule '" + span.rule().name() + "')"
                + detail(error);
        return new Located(error, span, cell, findings.at(cell.grid(), cell.row(), cell.column(), message));
    }

    private GeneratedDrl.Cell cellOf(CompileError error, GeneratedDrl.Span span) {
        GeneratedDrl.Cell atLine = generated.cells().get(error.line());
        if (atLine != null && atLine.row() == span.rule().row() && span.codeByColumn().containsKey(atLine.column())) {
            return atLine;
        }
        String raw = Objects.toString(error.detail(), "") + " " + error.message();
        Matcher expression = EXPRESSION.matcher(raw);
        Matcher method = METHOD.matcher(raw);
        List<String> clues = new ArrayList<>();
        if (expression.find()) {
            clues.add(expression.group(1).trim());
        }
        if (method.find()) {
            clues.add(method.group(1) + "(");
        }
        Matcher unresolved = UNRESOLVED.matcher(raw);
        if (unresolved.find()) {
            clues.add(unresolved.group(1));
        }
        if (error.field() != null) {
            clues.add(error.field());
        }
        for (String clue : clues) {
            for (Map.Entry<Integer, CellCode> code : span.codeByColumn().entrySet()) {
                String drl = code.getValue().drl();
                if (drl.contains(clue) || clue.contains(drl)) {
                    return new GeneratedDrl.Cell(span.rule().table().grid(), span.rule().row(), code.getKey());
                }
            }
        }
        RuleTable table = span.rule().table();
        Column name = table.find(Keyword.NAME);
        return new GeneratedDrl.Cell(table.grid(), span.rule().row(), name == null ? table.column() : name.index());
    }

    /** The column whose code is at fault: the group covers at least two rows and every row that uses the column. */
    private static Column codeColumn(List<Located> group) {
        Located first = group.get(0);
        if (first.span == null || first.cell == null || group.size() < 2) {
            return null;
        }
        RuleTable table = first.span.rule().table();
        int index = first.cell.column();
        Column column = table.columns().stream().filter(c -> c.index() == index && c.template() != null).findFirst().orElse(null);
        if (column == null) {
            return null;
        }
        long using = table.rules().stream()
                .filter(row -> !table.grid().text(row, index).isEmpty()).count();
        return group.size() >= using ? column : null;
    }

    /** Where a problem of the whole file is said: the first sheet's first cell. */
    private static Grid first(List<Grid> grids) {
        return grids.isEmpty() ? new Grid(null, List.of(), List.of()) : grids.get(0);
    }

    private static String detail(CompileError error) {
        return error.detail() == null || error.detail().equals(error.message()) ? "" : "; Drools: " + error.detail();
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
