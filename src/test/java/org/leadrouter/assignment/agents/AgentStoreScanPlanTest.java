package org.leadrouter.assignment.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.Backlogs;

/**
 * The scheduler asks every second which agents have work to take. What it asks of the waiting
 * items must go through an index: read whole, a night's backlog with nobody online cost a third of
 * the processor under intake load.
 */
class AgentStoreScanPlanTest {

    @Test
    void theScansQuestionsAboutABacklogSeekAnIndex() throws SQLException {
        String probe = Backlogs.plan(AgentStore.WAITS_IN_QUEUE, "WAITING", "sales");
        // Either index that leads with state and queue serves the probe, and H2 may take either.
        assertTrue(Pattern.compile("WORK_ITEMS_(WAITING|OLDEST): STATE = \\?1\\s+AND QUEUE = \\?2").matcher(probe).find(),
                "state and queue seek work_items_waiting or work_items_oldest:\n" + probe);
        String pinned = Backlogs.plan(AgentStore.PINNED_WAITING, (Object) new String[] {"ann", "bob"});
        assertTrue(pinned.contains("WORK_ITEMS_PINNED: PINNED_AGENT IN('ann', 'bob')"), "the agents seek work_items_pinned:\n" + pinned);
    }
}
