package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.ConflictException;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.OfferState;
import org.leadrouter.assignment.work.WorkEvent;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.problem.InvalidRequestException;

/** Supervisors' actions and an agent's pull against a real (H2) database: state, capacity and history. */
class SupervisionTest {

    private static final String QUEUES = """
            {"queues": {
              "sales": {"escalateTo": "queue:managers"},
              "managers": {}
            }}""";
    private static final List<String> ALWAYS = List.of("MON-SUN 00:00-24:00");

    private TestAssignment t;
    private Supervision supervision;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), QUEUES);
        supervision = t.supervision;
    }

    @Test
    void aTransferToAnotherQueueWithdrawsTheOpenOfferAndOffersItThere() {
        agent("ann", List.of("sales"), Map.of(), 2, "ONLINE");
        agent("kim", List.of("support"), Map.of(), 2, "ONLINE");
        String id = enqueue("sales", Map.of());
        assertEquals("ann", find(id).agentId());

        WorkItem moved = supervision.transfer(id, "support", null, "mgr-kate");

        assertEquals("support", moved.queue());
        assertEquals("kim", moved.agentId(), "offered at once in its new queue");
        assertEquals(0, t.directory.find("ann").load(), "ann's unit is freed");
        assertEquals(OfferState.WITHDRAWN, t.db.inTransaction(c -> t.work.offersFor(c, id)).get(0).state());
        WorkEvent transfer = event(id, WorkEventKind.TRANSFERRED);
        assertEquals("mgr-kate", transfer.actor());
        assertEquals("from queue:sales", transfer.detail());
        assertEquals("mgr-kate", event(id, WorkEventKind.WITHDRAWN).actor());
    }

    @Test
    void aTransferToAnAgentPinsItToThemWithSkillsWaived() {
        agent("ann", List.of("sales"), Map.of("fca", 9), 2, "ONLINE");
        agent("bob", List.of("other"), Map.of(), 2, "AWAY");
        String id = enqueue("sales", Map.of("fca", 5));

        WorkItem moved = supervision.transfer(id, null, "bob", "mgr-kate");

        assertEquals(WorkState.WAITING, moved.state(), "bob is AWAY: it waits for him alone, ann is not offered it");
        assertEquals("bob", moved.pinnedAgent());
        t.directory.setPresence("bob", "ONLINE");
        assertEquals("bob", find(id).agentId());
        assertThrows(InvalidRequestException.class, () -> supervision.transfer(id, null, "nobody", "mgr-kate"));
    }

    @Test
    void assignGivesWaitingWorkToANamedAgentAsAcceptedWorkWithinCapacity() {
        agent("ann", List.of("other"), Map.of(), 1, "OFFLINE");
        String id = enqueue("sales", Map.of("fca", 5));

        WorkItem assigned = supervision.assign(id, "ann", "mgr-kate");

        assertEquals(WorkState.ACCEPTED, assigned.state());
        assertEquals("ann", assigned.agentId());
        assertTrue(assigned.acceptedAt() != null);
        assertEquals(1, t.directory.find("ann").load());
        assertEquals("mgr-kate", event(id, WorkEventKind.ASSIGNED).actor());
        String second = enqueue("sales", Map.of());
        assertThrows(ConflictException.class, () -> supervision.assign(second, "ann", "mgr-kate"), "ann is full");
        assertThrows(ConflictException.class, () -> supervision.assign(id, "ann", "mgr-kate"), "accepted: reassign it");
    }

    @Test
    void reassignMovesAcceptedWorkAndTheFreedAgentTakesTheNextItem() {
        agent("ann", List.of("sales"), Map.of(), 1, "ONLINE");
        agent("bob", List.of("other"), Map.of(), 1, "OFFLINE");
        String id = enqueue("sales", Map.of());
        t.assigner.accept(t.directory.openOffers("ann").get(0).id());
        String waiting = enqueue("sales", Map.of());

        WorkItem moved = supervision.reassign(id, "bob", "mgr-kate");

        assertEquals(WorkState.ACCEPTED, moved.state());
        assertEquals("bob", moved.agentId());
        assertEquals(1, t.directory.find("bob").load());
        assertEquals("ann", find(waiting).agentId(), "ann's freed unit takes the waiting item");
        WorkEvent reassigned = event(id, WorkEventKind.REASSIGNED);
        assertEquals("from ann", reassigned.detail());
        assertEquals("mgr-kate", reassigned.actor());
        assertThrows(ConflictException.class, () -> supervision.reassign(waiting, "bob", "mgr-kate"), "not accepted");
    }

    @Test
    void releaseSendsAnEscalatedItemBackToItsQueueWithAFreshSla() {
        agent("ann", List.of("sales"), Map.of("fca", 9), 1, "OFFLINE");
        agent("boss", List.of("managers"), Map.of(), 1, "OFFLINE");
        String id = enqueue("sales", Map.of("fca", 5));
        t.clock.advance(TestAssignment.SLA.plusSeconds(1));
        t.scheduler.scan();
        assertEquals("managers", find(id).queue());
        assertThrows(ConflictException.class, () -> supervision.release(enqueue("sales", Map.of()), "mgr-kate"),
                "not escalated");

        WorkItem released = supervision.release(id, "mgr-kate");

        assertEquals("sales", released.queue());
        assertEquals(WorkState.WAITING, released.state());
        assertFalse(released.escalated());
        assertFalse(released.skillsWaived());
        assertTrue(released.slaDueAt().isAfter(t.clock.now()));
        assertEquals("mgr-kate", event(id, WorkEventKind.RELEASED).actor());
        assertEquals("from queue:managers", event(id, WorkEventKind.RELEASED).detail());
    }

    @Test
    void pullGivesTheAgentTheNextItemTheyQualifyForWhateverTheirPresence() {
        agent("ann", List.of("sales"), Map.of("fca", 5), 2, "AWAY");
        String unqualified = enqueue("sales", Map.of("fca", 9));
        String first = enqueue("sales", Map.of("fca", 3));

        WorkItem pulled = supervision.pull("ann", "ann").orElseThrow();

        assertEquals(first, pulled.id());
        assertEquals(WorkState.ACCEPTED, pulled.state());
        assertEquals("ann", pulled.agentId());
        assertEquals("ann", event(first, WorkEventKind.PULLED).actor());
        assertTrue(supervision.pull("ann", "ann").isEmpty(), "only an item ann lacks the skill for is left");
        assertEquals(WorkState.WAITING, find(unqualified).state());
        assertNull(find(unqualified).agentId());
    }

    private void agent(String id, List<String> queues, Map<String, Integer> skills, int capacity, String presence) {
        t.directory.save(id, new AgentProfile(null, id, null, queues, skills, capacity, null, ALWAYS, presence));
    }

    /** Made and offered, as intake does. */
    private String enqueue(String queue, Map<String, Integer> skills) {
        String id = "lead-" + UUID.randomUUID();
        Instant now = t.clock.now();
        t.assigner.enqueue(List.of(new NewWork(id, "insurance", queue, skills, 3, 10, "Rule", false, now, now)));
        t.assigner.offer(id);
        return id;
    }

    private WorkItem find(String id) {
        return t.db.inTransaction(c -> t.work.find(c, id)).orElseThrow();
    }

    private WorkEvent event(String id, WorkEventKind kind) {
        return t.history(id).stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }
}
