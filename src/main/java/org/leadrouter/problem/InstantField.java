package org.leadrouter.problem;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** An optional ISO-8601 instant given as text (a query parameter such as {@code from} or {@code to}). */
public final class InstantField {

    private InstantField() {
    }

    /** The instant, or null when absent or blank; a bad one is added to {@code problems} under {@code field}. */
    public static Instant parse(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant like 2026-11-25T09:00:00Z, was '" + text + "'"));
            return null;
        }
    }
}
