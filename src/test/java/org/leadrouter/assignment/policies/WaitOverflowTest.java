package org.leadrouter.assignment.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.WorkEvent;
import org.leadrouter.assignment.work.WorkEventKind;

/** A served queue overflows when its items wait too long or too many wait, not only when nobody serves it. */
class WaitOverflowTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {
                  "front": {"overflowTo": "back", "overflowAfterSeconds": 120},
                  "deep": {"overflowTo": "back", "overflowDepth": 2},
                  "back": {}
                }}""");
        // ann serves front and deep but is away: the queues are served, so nothing overflows at once.
        t.agent("ann", List.of("front", "deep"), Map.of(), 5, "AWAY");
        t.agent("bob", List.of("back"), Map.of(), 5, "ONLINE");
    }

    @Test
    void anItemWaitingLongerThanTheThresholdMovesToTheOverflowQueue() {
        String id = t.enqueue("front", Map.of(), Set.of());
        t.clock.advance(Duration.ofSeconds(119));
        assertEquals(0, t.scheduler.scan().overflowed());
        assertEquals("front", t.item(id).queue());

        t.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, t.scheduler.scan().overflowed());

        assertEquals("back", t.item(id).queue());
        assertEquals("bob", t.item(id).agentId(), "offered in its new queue at once");
        List<WorkEvent> history = t.history(id);
        assertEquals(List.of(WorkEventKind.QUEUED, WorkEventKind.OVERFLOWED, WorkEventKind.OFFERED),
                history.stream().map(WorkEvent::kind).toList());
        assertEquals("waited over 120 s in front", history.get(1).detail());
    }

    @Test
    void aQueueDeeperThanItsLimitSendsTheItemsAtTheBackOfTheLine() {
        List<String> ids = List.of("p4", "p1", "p3", "p2");
        for (String id : ids) {
            int priority = Integer.parseInt(id.substring(1));
            t.assigner.enqueue(List.of(new NewWork(id, "insurance", "deep", Map.of(), priority, 10, "Rule", false,
                    t.clock.now(), t.clock.now())));
        }
        assertEquals(2, t.scheduler.scan().overflowed());

        assertEquals(List.of("deep", "deep", "back", "back"),
                List.of("p1", "p2", "p3", "p4").stream().map(id -> t.item(id).queue()).toList(), "the two most urgent stay");
        assertEquals("deep holds over 2 waiting items", t.history("p4").get(1).detail());
        assertEquals(0, t.scheduler.scan().overflowed(), "at the limit, nothing more moves");
    }
}
