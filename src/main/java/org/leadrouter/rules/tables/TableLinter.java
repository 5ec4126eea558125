package org.leadrouter.rules.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks across the rows of a table that no single cell shows: a rule name used twice in a file
 * and a row that repeats another's conditions (errors: one of them can never decide), two
 * routing rows that can match the same lead at the same priority with different actions
 * (warning: which one wins is not defined), and a text value that looks like a misspelling of a
 * value the column uses elsewhere (warning).
 */
final class TableLinter {

    private TableLinter() {
    }

    static void check(RuleTable table, List<RuleRow> rows, Findings findings) {
        // Each row's condition cells as text, read once for the three checks that compare rows by them.
        List<List<String>> conditionTexts = rows.stream().map(RuleRow::conditionTexts).toList();
        duplicates(table, rows, conditionTexts, findings);
        overlaps(table, rows, conditionTexts, findings);
        misspellings(table, rows, findings);
        gaps(table, rows, conditionTexts, findings);
    }

    /** Rule names are what rulesFired shows and must be unique in a package; a file's rows are checked together. */
    static void uniqueNames(List<RuleRow> rows, Findings findings) {
        Map<String, RuleRow> seen = new HashMap<>();
        for (RuleRow row : rows) {
            RuleRow first = seen.putIfAbsent(row.name(), row);
            Column name = row.table().find(Keyword.NAME);
            if (first != null && name != null) {
                findings.error(row.table().grid(), row.row(), name.index(), "\"" + row.name() + "\": the rule name is "
                        + "already used in " + where(first) + ": every rule needs a name of its own");
            }
        }
    }

    private static String where(RuleRow row) {
        String sheet = row.table().grid().sheet();
        return (sheet == null ? "" : "sheet " + sheet + ", ") + "row " + (row.row() + 1);
    }

    private static void duplicates(RuleTable table, List<RuleRow> rows, List<List<String>> conditionTexts,
                                   Findings findings) {
        Map<List<Object>, RuleRow> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleRow row = rows.get(i);
            List<Object> key = List.of(conditionTexts.get(i), Objects.toString(row.salience()), Objects.toString(row.group()));
            RuleRow first = seen.putIfAbsent(key, row);
            if (first != null) {
                findings.error(table.grid(), row.row(), table.column(), "row " + (row.row() + 1) + " (" + row.name()
                        + ") has the same conditions and priority as row " + (first.row() + 1) + " (" + first.name()
                        + "): only one of them can decide; delete one or make their conditions differ");
            }
        }
    }

    /** Scoring rows (with a RULEFLOW-GROUP) all fire and add up, so only routing rows can clash. */
    private static void overlaps(RuleTable table, List<RuleRow> rows, List<List<String>> conditionTexts,
                                 Findings findings) {
        Map<Integer, List<Integer>> routingBySalience = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).group() == null) {
                routingBySalience.computeIfAbsent(rows.get(i).salience(), k -> new ArrayList<>()).add(i);
            }
        }
        SortedSet<Long> pairs = new TreeSet<>();
        for (List<Integer> samePriority : routingBySalience.values()) {
            pairs.addAll(mayShareALead(rows, samePriority, table.of(Keyword.CONDITION)));
        }
        List<List<String>> actionTexts = rows.stream().map(RuleRow::actionTexts).toList();
        for (long pair : pairs) {
            int i = (int) (pair / rows.size());
            int j = (int) (pair % rows.size());
            RuleRow a = rows.get(i);
            RuleRow b = rows.get(j);
            if (!conditionTexts.get(i).equals(conditionTexts.get(j)) && !actionTexts.get(i).equals(actionTexts.get(j))
                    && a.overlaps(b)) {
                findings.warn(table.grid(), b.row(), table.column(), "rows " + (a.row() + 1) + " (" + a.name()
                        + ") and " + (b.row() + 1) + " (" + b.name() + ") can match the same lead with the same "
                        + "priority " + a.salience() + ": which one routes it is not defined; give the more "
                        + "specific row a higher priority");
            }
        }
    }

    /**
     * The pairs of the given rows (as {@code i * rows.size() + j}, i before j) worth checking for an
     * overlap, so that a table of thousands of rows is not checked pair by pair: in the condition
     * column that splits the rows best, two rows that each list values can only meet when they
     * share one; a row with anything else there (a range, any, a formula) is paired with every row.
     */
    private static Set<Long> mayShareALead(List<RuleRow> rows, List<Integer> members, List<Column> conditions) {
        Collection<List<Integer>> byValue = List.of();
        List<Integer> unsplit = members;
        long fewestPairs = (long) members.size() * members.size();
        for (Column column : conditions) {
            Map<String, List<Integer>> withValue = new HashMap<>();
            List<Integer> without = new ArrayList<>();
            for (int i : members) {
                if (rows.get(i).conditions().get(column).match() instanceof Match.Values listed) {
                    listed.values().forEach(value -> withValue.computeIfAbsent(value, k -> new ArrayList<>()).add(i));
                } else {
                    without.add(i);
                }
            }
            long pairs = (long) without.size() * members.size()
                    + withValue.values().stream().mapToLong(sharing -> (long) sharing.size() * sharing.size()).sum();
            if (pairs < fewestPairs) {
                fewestPairs = pairs;
                byValue = withValue.values();
                unsplit = without;
            }
        }
        Set<Long> pairs = new HashSet<>();
        int n = rows.size();
        for (List<Integer> sharing : byValue) {
            for (int a : sharing) {
                for (int b : sharing) {
                    if (a < b) {
                        pairs.add((long) a * n + b);
                    }
                }
            }
        }
        for (int a : unsplit) {
            for (int b : members) {
                if (a != b) {
                    pairs.add((long) Math.min(a, b) * n + Math.max(a, b));
                }
            }
        }
        return pairs;
    }

    /**
     * Value bands with a hole between them: rows that differ only in one column of ranges
     * ({@code 0-9999}, {@code 20000-49999}) leave the values between them to lower rows or the
     * catch-all, which is rarely meant.
     */
    private static void gaps(RuleTable table, List<RuleRow> rows, List<List<String>> conditionTexts, Findings findings) {
        for (Column column : table.of(Keyword.CONDITION)) {
            Map<List<Object>, List<RuleRow>> bands = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                RuleRow row = rows.get(i);
                if (row.conditions().get(column).match() instanceof Match.Range) {
                    List<String> others = new ArrayList<>(conditionTexts.get(i));
                    others.remove(table.of(Keyword.CONDITION).indexOf(column));
                    bands.computeIfAbsent(List.of(others, Objects.toString(row.group())), k -> new ArrayList<>()).add(row);
                }
            }
            for (List<RuleRow> band : bands.values()) {
                band.sort(Comparator.comparing(row -> range(row, column), Match.Range.BY_LOW));
                for (int i = 1; i < band.size(); i++) {
                    RuleRow lower = band.get(i - 1);
                    RuleRow higher = band.get(i);
                    String gap = range(lower, column).gapBefore(range(higher, column));
                    if (gap != null) {
                        findings.warn(table.grid(), higher.row(), column.index(), "no row matches " + column.title()
                                + " " + gap + " between rows " + (lower.row() + 1) + " (" + lower.name() + ") and "
                                + (higher.row() + 1) + " (" + higher.name() + "): widen one of the ranges if those "
                                + "leads should be routed here");
                    }
                }
            }
        }
    }

    private static Match.Range range(RuleRow row, Column column) {
        return (Match.Range) row.conditions().get(column).match();
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
            // Only a value used once can be a slip, and only for one used at least twice: a table of
            // thousands of distinct values (a campaign code a row) is not compared value by value.
            List<Map.Entry<String, Long>> common = uses.entrySet().stream().filter(e -> e.getValue() >= 2).toList();
            for (RuleRow row : rows) {
                for (String value : values(table.grid().text(row.row(), column.index()))) {
                    if (uses.get(value) != 1) {
                        continue;
                    }
                    common.stream()
                            .filter(e -> Spelling.distance(e.getKey(), value) <= 2)
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
