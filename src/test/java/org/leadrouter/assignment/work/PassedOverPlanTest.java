package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.Backlogs;

/**
 * The alert monitor asks every 30 s which escalated items were passed over. It reads the offered
 * and escalated items alone, through work_items_sla, not the whole backlog; EscalationAlertTest
 * checks that it finds them.
 */
class PassedOverPlanTest {

    @Test
    void passedOverItemsAreSoughtAmongTheEscalatedAndOfferedAlone() throws SQLException {
        String plan = Backlogs.plan(WorkStore.PASSED_OVER);
        assertTrue(plan.contains("WORK_ITEMS_SLA: STATE IN('OFFERED', 'ESCALATED')"), "seeks work_items_sla:\n" + plan);
    }
}
