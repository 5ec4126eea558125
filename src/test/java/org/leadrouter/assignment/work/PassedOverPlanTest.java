package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.Backlogs;
import org.leadrouter.assignment.TestAssignment;

/**
 * The alert monitor asks every 30 s which escalated items were passed over. It reads the offered
 * and escalated items alone, through work_items_sla, not the whole backlog; EscalationAlertTest
 * checks that it finds them.
 */
class PassedOverPlanTest {

    @Test
    void passedOverItemsAreSoughtAmongTheEscalatedAndOfferedAlone() throws SQLException {
        try (Connection c = TestAssignment.h2().getConnection()) {
            Backlogs.fill(c);
            String plan = Backlogs.plan(c, WorkStore.PASSED_OVER);
            assertTrue(plan.contains("WORK_ITEMS_SLA: STATE IN('OFFERED', 'ESCALATED')"), "seeks work_items_sla:\n" + plan);
        }
    }
}
