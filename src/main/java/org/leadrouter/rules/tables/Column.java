package org.leadrouter.rules.tables;

/**
 * One column of a rule table.
 *
 * @param index    the sheet column
 * @param fact     the object a CONDITION tests ({@code Lead}); null for other columns
 * @param pattern  the first column of the object cell's merged range: columns sharing it test the same fact
 * @param template the code row's template; null for NAME, PRIORITY, RULEFLOW-GROUP, DESCRIPTION
 * @param label    the analysts' label (the row under the code), for messages
 */
record Column(Keyword keyword, int index, String fact, int pattern, Template template, String label) {

    String title() {
        return label.isEmpty() ? "column " + Grid.column(index) : label;
    }
}
