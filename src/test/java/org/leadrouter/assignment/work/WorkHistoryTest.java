package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;

/** An item's history as callers read it: its QUEUED event comes from the item's row, the rest from event rows. */
class WorkHistoryTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {"sales": {}}}""");
    }

    @Test
    void theQueuedEventIsReadFromTheItemAndWrittenAsNoRow() {
        Instant routed = t.clock.now();
        t.clock.advance(Duration.ofSeconds(3));
        Instant before = t.clock.now().truncatedTo(ChronoUnit.MICROS);
        t.assigner.enqueue(List.of(new NewWork("lead-1", "insurance", "sales", Map.of(), 3, 10, "Fallback", true,
                routed, routed, Set.of())));
        Instant after = t.clock.now();

        WorkEvent queued = t.history("lead-1").get(0);
        assertTrue(!queued.at().isBefore(before) && !queued.at().isAfter(after), "queued when the item was made: " + queued.at());
        assertEquals(new WorkEvent(queued.at(), WorkEventKind.QUEUED, "sales", null, null, "fallback route", null), queued);
        assertEquals(0, t.rowsOf("work_events", "lead-1"));
    }

    @Test
    void anItemRecordedWithAQueuedRowShowsThatRowOnly() {
        String id = t.enqueue("sales", Map.of(), Set.of());
        t.db.inTransaction(c -> {
            new WorkStore().event(c, id, t.clock.now(), WorkEventKind.QUEUED, "sales", null, null, "as written before");
            return null;
        });

        assertEquals(List.of("as written before"), t.history(id).stream()
                .filter(e -> e.kind() == WorkEventKind.QUEUED).map(WorkEvent::detail).toList());
    }

    @Test
    void anEventWithAnAgentButNoOfferHasNoOfferId() {
        t.agent("ann", List.of("sales"), Map.of(), 3, "OFFLINE");
        String id = t.enqueue("sales", Map.of(), Set.of());
        t.supervision.assign(id, "ann", "supervisor");

        WorkEvent assigned = t.history(id).get(1);
        assertEquals(WorkEventKind.ASSIGNED, assigned.kind());
        assertEquals("ann", assigned.agentId());
        assertNull(assigned.offerId());
    }
}
