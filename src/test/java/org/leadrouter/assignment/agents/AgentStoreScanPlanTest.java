package org.leadrouter.assignment.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.db.SqlLists;

/**
 * The scheduler asks every second which agents have work to take. What it asks of the waiting
 * items must go through an index: read whole, a night's backlog with nobody online cost a third of
 * the processor under intake load. Planned over a backlog, as H2 plans it once it has counted a
 * table's rows by itself: on an empty table it takes any index.
 */
class AgentStoreScanPlanTest {

    @Test
    void theScansQuestionsAboutABacklogSeekAnIndex() throws SQLException {
        try (Connection c = TestAssignment.h2().getConnection()) {
            c.createStatement().execute("""
                INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                    routing_rule, fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at, pinned_agent)
                SELECT 'w' || X, 'insurance', 'q' || MOD(X, 7), 'q' || MOD(X, 7), '{}', FALSE, 1, 1, 'r', FALSE,
                    CASE WHEN MOD(X, 3) = 0 THEN 'WAITING' ELSE 'COMPLETED' END, 0, FALSE,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                    CASE WHEN MOD(X, 50) = 0 THEN 'a' || MOD(X, 9) END
                FROM SYSTEM_RANGE(1, 5000)""");
            String probe = plan(c, AgentStore.WAITS_IN_QUEUE, "WAITING", "sales");
            assertTrue(probe.contains("WORK_ITEMS_WAITING: STATE = ?1") && probe.contains("QUEUE = ?2"),
                    "state and queue seek work_items_waiting:\n" + probe);
            String pinned = plan(c, AgentStore.PINNED_WAITING.formatted(SqlLists.marks(2)), "ann", "bob");
            assertTrue(pinned.contains("WORK_ITEMS_PINNED: PINNED_AGENT IN(?1, ?2)"),
                    "the agents seek work_items_pinned:\n" + pinned);
        }
    }

    private static String plan(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
            SqlLists.setStrings(explain, 1, List.of(parameters));
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
