package org.leadrouter.assignment.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.work.WorkEvent;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;

/** Required skill levels drop by the queue's steps as an item waits, before the SLA escalates it. */
class SkillRelaxationTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), """
                {"queues": {
                  "fca": {"slaMinutes": 10, "escalateTo": "queue:managers",
                          "relaxSkills": [{"afterSeconds": 60, "levels": 1}, {"afterSeconds": 120, "levels": 2}]},
                  "managers": {}
                }}""");
        t.agent("bob", List.of("fca"), Map.of("fca-adviser", 3), 5, "ONLINE");
    }

    @Test
    void eachStepLowersTheLevelsUntilSomeoneQualifies() {
        String id = t.enqueue("fca", Map.of("fca-adviser", 5, "life", 2), Set.of());
        assertTrue(t.assigner.offer(id).isEmpty(), "bob has level 3 of 5");

        t.clock.advance(Duration.ofSeconds(59));
        assertEquals(0, t.scheduler.scan().relaxed());
        t.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, t.scheduler.scan().relaxed());
        assertEquals(WorkState.WAITING, t.item(id).state(), "4 is still above bob's 3, and bob has no life skill");
        assertEquals(0, t.scheduler.scan().relaxed(), "a step applies once");

        t.agent("bob", List.of("fca"), Map.of("fca-adviser", 3, "life", 1), 5, "ONLINE");
        t.clock.advance(Duration.ofSeconds(60));
        assertEquals(1, t.scheduler.scan().relaxed());

        WorkItem item = t.item(id);
        assertEquals(WorkState.OFFERED, item.state());
        assertEquals("bob", item.agentId());
        assertEquals(Map.of("fca-adviser", 5, "life", 2), item.requiredSkills(), "what the rules asked for is kept");
        List<String> relaxed = t.history(id).stream().filter(e -> e.kind() == WorkEventKind.RELAXED)
                .map(WorkEvent::detail).toList();
        assertEquals(List.of("waited over 60 s: fca-adviser 5 -> 4, life 2 -> 1",
                "waited over 120 s: fca-adviser 5 -> 3, life 2 -> 1"), relaxed);
        assertTrue(!item.escalated(), "relaxed before any escalation");
    }

    @Test
    void anItemPastSeveralStepsGoesStraightToTheDeepestAndEscalatesAtItsSla() {
        // Someone serves the escalation queue: an escalation passes over a queue nobody could take it in.
        t.agent("mia", List.of("managers"), Map.of("fca-adviser", 9), 5, "AWAY");
        String id = t.enqueue("fca", Map.of("fca-adviser", 9), Set.of());
        t.clock.advance(Duration.ofSeconds(130));
        assertEquals(1, t.scheduler.scan().relaxed());
        assertEquals(List.of(WorkEventKind.QUEUED, WorkEventKind.RELAXED), t.history(id).stream().map(WorkEvent::kind).toList());
        assertEquals(WorkState.WAITING, t.item(id).state(), "7 is still above 3: relaxation stops at the last step");

        t.clock.advance(Duration.ofMinutes(10));
        t.scheduler.scan();
        assertEquals("managers", t.item(id).queue(), "then the SLA escalates it, as without relaxation");
    }

    @Test
    void itemsWithoutRequiredSkillsOrInOtherQueuesAreLeftAlone() {
        t.directory.setPresence("bob", "OFFLINE");
        String plain = t.enqueue("fca", Map.of(), Set.of());
        String elsewhere = t.enqueue("other", Map.of("fca-adviser", 5), Set.of());
        t.clock.advance(Duration.ofSeconds(130));
        assertEquals(0, t.scheduler.scan().relaxed());
        assertEquals(List.of(WorkEventKind.QUEUED), t.history(plain).stream().map(WorkEvent::kind).toList());
        assertEquals(List.of(WorkEventKind.QUEUED), t.history(elsewhere).stream().map(WorkEvent::kind).toList());
    }
}
