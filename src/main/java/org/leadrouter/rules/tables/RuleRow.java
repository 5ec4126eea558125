package org.leadrouter.rules.tables;

import java.util.List;
import java.util.Map;

/**
 * One rule row of a table, its cells turned into code.
 *
 * @param salience   the PRIORITY cell, or null
 * @param group      the RULEFLOW-GROUP cell, or null
 * @param conditions each CONDITION column's code (blank cells included, as {@link CellCode#NOTHING})
 * @param actions    the code of each ACTION column whose cell is not blank
 */
record RuleRow(RuleTable table, int row, String name, Integer salience, String group,
               Map<Column, CellCode> conditions, Map<Column, CellCode> actions) {

    /** The cells that decide which leads the row matches, as written: two rows with the same are duplicates. */
    List<String> conditionTexts() {
        return conditions.keySet().stream().map(c -> table.grid().text(row, c.index())).toList();
    }

    List<String> actionTexts() {
        return actions.keySet().stream().map(c -> table.grid().text(row, c.index())).toList();
    }

    /** Whether some lead could match both rows. */
    boolean overlaps(RuleRow other) {
        return conditions.entrySet().stream().allMatch(e -> {
            CellCode theirs = other.conditions.get(e.getKey());
            return theirs == null || e.getValue().match().meets(theirs.match());
        });
    }
}
