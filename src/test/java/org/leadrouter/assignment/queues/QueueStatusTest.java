package org.leadrouter.assignment.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    void theWaitingQueuesAreListedWithTheirOldestItemAndNoOthers() {
        String deskFirst = t.enqueue("desk", Map.of(), Set.of());
        t.clock.advance(Duration.ofMinutes(1));
        String counterFirst = t.enqueue("counter", Map.of(), Set.of());
        t.enqueue("desk", Map.of(), Set.of());
        escalate(counterFirst, "counter");
        t.clock.advance(Duration.ofMinutes(1));
        t.enqueue("counter", Map.of(), Set.of());

        Map<String, QueueWait> waiting = new TreeMap<>();
        status.waiting().forEach(w -> waiting.put(w.settings().name(), w));
        assertEquals(Set.of("counter", "desk"), waiting.keySet());
        assertEquals(deskFirst, waiting.get("desk").oldestWaitingId());
        assertEquals(counterFirst, waiting.get("counter").oldestWaitingId(), "escalated, and older than the waiting one");
        assertEquals(view("counter").oldestWaitingSince(), waiting.get("counter").oldestWaitingSince());
    }

    @Test
    void aQueueWithNothingWaitingIsNotListed() {
        String only = t.enqueue("desk", Map.of(), Set.of());
        t.db.inTransaction(c -> {
            t.work.markAccepted(c, only, "agent-1", t.clock.now());
            return null;
        });
        assertEquals(List.of(), status.waiting());
        assertEquals(1, view("desk").accepted());
    }

    @Test
    void eachQueuesOldestItemIsOneSeekInCreatedOrder() throws SQLException {
        String plan = Backlogs.plan(QueueStatus.NEXT_QUEUES_OLDEST_H2, "WAITING", QueueStatus.justAfter("q1"));
        assertTrue(plan.contains("WORK_ITEMS_OLDEST: STATE = ?1") && plan.contains("QUEUE >= ?2") && plan.contains("index sorted"),
                "work_items_oldest is sought and read in its order, not the queue's items sorted:\n" + plan);
    }

    /** The backlog's q1 has about 240 items waiting: getting past it reads none of them, only q2's oldest. */
    @Test
    void passingAQueueReadsNoneOfItsItems() throws SQLException {
        assertEquals(1, Backlogs.rowsRead(QueueStatus.NEXT_QUEUES_OLDEST_H2, "WAITING", QueueStatus.justAfter("q1")));
    }

    @Test
    void queuesWhoseNamesStartAlikeAreEachListed() {
        assertEachListedWithItsOldest(t, List.of("desk", "desk b", "desk-b", "desk\u0000b", "deskb"));
    }

    /** Two items in each queue named: {@link QueueStatus#waiting()} lists every queue, with its first. */
    static void assertEachListedWithItsOldest(TestAssignment t, List<String> names) {
        Map<String, String> oldest = new TreeMap<>();
        for (String name : names) {
            oldest.put(name, t.enqueue(name, Map.of(), Set.of()));
            t.enqueue(name, Map.of(), Set.of());
        }

        Map<String, String> found = new TreeMap<>();
        new QueueStatus(t.db, t.queues).waiting().forEach(w -> found.put(w.settings().name(), w.oldestWaitingId()));
        assertEquals(oldest, found);
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
