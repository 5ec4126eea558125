package org.leadrouter.rules.tables;

/**
 * What one cell of a rule row becomes: its DRL (null when the cell adds nothing, as a blank
 * or {@code any} condition) and, for a condition, the leads it lets through.
 */
record CellCode(String drl, Match match) {

    static final CellCode NOTHING = new CellCode(null, Match.ANY);
}
