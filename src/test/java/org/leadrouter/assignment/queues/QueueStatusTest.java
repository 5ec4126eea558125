package org.leadrouter.assignment.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.Backlogs;
import org.leadrouter.assignment.TestAssignment;

/** What /queues and the SLA alert read of a queue: its depth and the item that has waited longest. */
class QueueStatusTest {

    private final TestAssignment t = new TestAssignment(TestAssignment.h2(), """
            {"queues": {"desk": {}, "counter": {}}}""");
    private final QueueStatus status = new QueueStatus(t.db, t.queues);

    @Test
    void theOldestWaitingItemIsFoundWhetherItWaitsEscalatedOrNot() {
        String escalatedFirst = t.enqueue("desk", Map.of(), Set.of());
        String waitingFirst = t.enqueue("counter", Map.of(), Set.of());
        t.clock.advance(Duration.ofMinutes(5));
        String waitingLater = t.enqueue("desk", Map.of(), Set.of());
        String escalatedLater = t.enqueue("counter", Map.of(), Set.of());
        escalate(escalatedFirst, "desk");
        escalate(escalatedLater, "counter");

        QueueView desk = view("desk");
        assertEquals(2, desk.depth());
        assertEquals(escalatedFirst, desk.oldestWaitingId(), "the escalated item waited longer than " + waitingLater);
        assertEquals(t.item(escalatedFirst).createdAt(), desk.oldestWaitingSince());
        QueueView counter = view("counter");
        assertEquals(2, counter.depth());
        assertEquals(waitingFirst, counter.oldestWaitingId(), "the waiting item waited longer than " + escalatedLater);
    }

    @Test
    void theOldestItemOfAQueueIsSoughtInItsQueueAlone() throws SQLException {
        String plan = Backlogs.plan(QueueStatus.OLDEST_IN_STATE, "WAITING", "q1");
        assertTrue(plan.contains("WORK_ITEMS_WAITING: STATE = ?1") && plan.contains("QUEUE = ?2"),
                "state and queue seek work_items_waiting:\n" + plan);
    }

    /** Escalated within its own queue, as an escalation path's step may keep it there. */
    private void escalate(String id, String queue) {
        t.db.inTransaction(c -> {
            t.work.markEscalated(c, id, queue, 1, queue, null, false, "test", t.clock.now());
            return null;
        });
    }

    private QueueView view(String queue) {
        return status.queues().stream().filter(q -> q.settings().name().equals(queue)).findFirst().orElseThrow();
    }
}
