package org.leadrouter.rules;

/**
 * One thing wrong with a segment's files, said so an analyst can find it: the file, and the
 * line (DRL) or sheet and cell ({@code F17}, decision table) when known.
 */
public record RuleProblem(String file, Integer line, Integer column, String sheet, String cell, String message) {

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, null, message);
    }

    public static RuleProblem ofSegment(String message) {
        return new RuleProblem(null, null, null, null, null, message);
    }

    /** "routing.drl, line 14, column 7: ..." — the one-line form used in logs and the check command. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
        }
        if (sheet != null) {
            where.append(", sheet ").append(sheet);
        }
        if (cell != null) {
            where.append(", cell ").append(cell);
        }
        if (line != null) {
            where.append(", line ").append(line);
            if (column != null) {
                where.append(", column ").append(column);
            }
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
