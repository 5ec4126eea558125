package org.leadrouter.assignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backlog of work items and H2's plan for a question about it. Questions the service asks of the
 * open items now and then (each second, each 30 s, each console refresh) must seek an index: read
 * whole, a night's backlog with nobody online costs more every second. H2 plans them that way once
 * it has counted a table's rows by itself; on an empty table it takes any index.
 */
public final class Backlogs {

    private Backlogs() {
    }

    /** H2's plan for {@code sql} with these parameters (a String[] for an array), over a fresh database holding a backlog. */
    public static String plan(String sql, Object... parameters) throws SQLException {
        return explained("EXPLAIN " + sql, parameters);
    }

    /** How many rows H2 read to answer {@code sql} with these parameters over the same backlog ({@code EXPLAIN ANALYZE}). */
    public static int rowsRead(String sql, Object... parameters) throws SQLException {
        String analysed = explained("EXPLAIN ANALYZE " + sql, parameters);
        Matcher scanCount = Pattern.compile("scanCount: (\\d+)").matcher(analysed);
        if (!scanCount.find()) {
            throw new IllegalStateException("no scan count in H2's plan:\n" + analysed);
        }
        return Integer.parseInt(scanCount.group(1));
    }

    private static String explained(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestAssignment.h2().getConnection()) {
            fill(c);
            try (PreparedStatement explain = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = explain.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        }
    }

    /** 5,000 items in seven queues, a third waiting, the rest completed; one in fifty pinned to an agent. */
    private static void fill(Connection c) throws SQLException {
        c.createStatement().execute("""
            INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                routing_rule, fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at, pinned_agent)
            SELECT 'w' || X, 'insurance', 'q' || MOD(X, 7), 'q' || MOD(X, 7), '{}', FALSE, 1, 1, 'r', FALSE,
                CASE WHEN MOD(X, 3) = 0 THEN 'WAITING' ELSE 'COMPLETED' END, 0, FALSE,
                CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                CASE WHEN MOD(X, 50) = 0 THEN 'a' || MOD(X, 9) END
            FROM SYSTEM_RANGE(1, 5000)""");
    }
}
