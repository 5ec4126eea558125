package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.ConflictException;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.agents.AgentProfile;
import org.leadrouter.assignment.agents.Presence;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.OfferState;
import org.leadrouter.assignment.work.WorkEvent;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;

/** The assignment flows against a real (H2) database, with time moved by hand. */
class AssignerTest {

    private static final String QUEUES = """
            {"queues": {
              "sales": {"pushTimeoutSeconds": 60, "slaMinutes": 30, "escalateTo": "queue:managers"},
              "niche": {"overflowTo": "sales"},
              "vip": {"escalateTo": "agent:boss"},
              "life": {"escalateTo": "agent:boss"},
              "managers": {}
            }}""";
    private static final List<String> ALWAYS = List.of("MON-SUN 00:00-24:00");

    private TestAssignment t;
    private Assigner assigner;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), QUEUES);
        assigner = t.assigner;
    }

    @Test
    void aNewItemIsOfferedToTheLeastLoadedQualifiedAgentAtOnce() {
        agent("ann", List.of("sales"), Map.of("retention", 5), 2, "ONLINE");
        agent("bob", List.of("sales"), Map.of("retention", 3), 2, "ONLINE");
        agent("cat", List.of("other"), Map.of("retention", 9), 2, "ONLINE");
        agent("dan", List.of("sales"), Map.of("retention", 9), 2, "AWAY");

        Offer first = offerNew("sales", Map.of("retention", 4), 3, 10).orElseThrow();
        assertEquals("ann", first.agentId(), "only ann is ONLINE, serves sales and has retention 4+");

        Offer second = offerNew("sales", Map.of(), 3, 10).orElseThrow();
        assertEquals("bob", second.agentId(), "bob holds nothing, ann holds one");

        WorkItem item = find(first.workId());
        assertEquals(WorkState.OFFERED, item.state());
        assertEquals("ann", item.agentId());
        assertEquals(item.firstOfferedAt(), first.offeredAt());
        assertEquals(first.offeredAt().plus(TestAssignment.PUSH_TIMEOUT), first.expiresAt());
    }

    @Test
    void aPassThatFindsNobodyWithRoomLeavesTheItemsUnlocked() throws SQLException {
        agent("ann", List.of("sales"), Map.of(), 1, "ONLINE");
        assertTrue(offerNew("sales", Map.of(), 3, 10).isPresent(), "ann is now full");
        String waiting = enqueue("sales", Map.of(), 3, 10);

        try (Connection pass = t.dataSource.getConnection(); Connection other = t.dataSource.getConnection()) {
            pass.setAutoCommit(false);
            other.setAutoCommit(false);
            assertEquals(List.of(), assigner.offer(pass, List.of(waiting)));

            // Still open: a lock taken by it would make another pass (a scan, an agent's change) skip the item.
            assertEquals(List.of(waiting), t.work.lockWaiting(other, List.of(waiting)).stream().map(WorkItem::id).toList());
            pass.rollback();
            other.rollback();
        }
    }

    @Test
    void withNobodyAvailableItemsWaitByPriorityThenScoreThenAge() {
        agent("ann", List.of("sales"), Map.of(), 10, "OFFLINE");
        String oldLow = enqueue("sales", Map.of(), 3, 10);
        String highScore = enqueue("sales", Map.of(), 3, 90);
        String urgent = enqueue("sales", Map.of(), 1, 0);
        String newLow = enqueue("sales", Map.of(), 3, 10);
        List.of(oldLow, highScore, urgent, newLow).forEach(id -> assertTrue(assigner.offer(id).isEmpty()));

        t.directory.setPresence("ann", "ONLINE");

        List<String> offered = t.directory.openOffers("ann").stream().map(Offer::workId).toList();
        assertEquals(List.of(urgent, highScore, oldLow, newLow), offered);
    }

    @Test
    void anAgentNeverHoldsMoreThanCapacityAndCompletingFreesAUnit() {
        agent("ann", List.of("sales"), Map.of(), 1, "ONLINE");
        Offer offer = offerNew("sales", Map.of(), 3, 10).orElseThrow();
        String waiting = enqueue("sales", Map.of(), 3, 10);
        assertTrue(assigner.offer(waiting).isEmpty(), "ann is full");

        assigner.accept(offer.id());
        assertEquals(1, t.directory.find("ann").load());
        WorkItem done = assigner.complete(offer.workId());

        assertEquals(WorkState.COMPLETED, done.state());
        assertEquals("ann", find(waiting).agentId(), "the freed unit takes the waiting item");
        assertEquals(1, t.directory.find("ann").load());
        assertThrows(ConflictException.class, () -> assigner.complete(offer.workId()));
        assertThrows(ConflictException.class, () -> assigner.accept(offer.id()));
    }

    @Test
    void aDeclinedItemGoesToSomeoneElseAndNeverBackToTheDecliner() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        agent("bob", List.of("sales"), Map.of(), 3, "ONLINE");
        Offer toAnn = offerNew("sales", Map.of(), 3, 10).orElseThrow();
        assertEquals("ann", toAnn.agentId());

        assigner.decline(toAnn.id(), "not-qualified", "not my product");
        Offer toBob = t.directory.openOffers("bob").get(0);
        assertEquals(toAnn.workId(), toBob.workId());
        assertEquals(0, t.directory.find("ann").load());

        assigner.decline(toBob.id(), "busy", null);

        WorkItem item = find(toAnn.workId());
        assertEquals(2, item.attempts());
        assertTrue(t.directory.openOffers("ann").isEmpty());
        assertEquals(List.of(WorkEventKind.QUEUED, WorkEventKind.OFFERED, WorkEventKind.DECLINED, WorkEventKind.OFFERED,
                WorkEventKind.DECLINED, WorkEventKind.ESCALATED), kinds(item.id()),
                "both refused it, below max-attempts: nobody is left in sales, so it is escalated at once");
        assertEquals(TestAssignment.REVIEW_QUEUE, item.queue(), "nobody serves managers: passed over to the review queue");
        assertEquals(WorkState.ESCALATED, item.state(), "it waits there, visibly");
    }

    @Test
    void anOfferTimesOutAfterThePushTimeoutEvenAfterARestart() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        agent("bob", List.of("sales"), Map.of(), 3, "ONLINE");
        Offer toAnn = offerNew("sales", Map.of(), 3, 10).orElseThrow();

        t.clock.advance(TestAssignment.PUSH_TIMEOUT.minusSeconds(1));
        assertEquals(0, t.scheduler.scan().timedOut());

        // A new service over the same database: nothing about the offer was kept in memory.
        TestAssignment restarted = new TestAssignment(t.dataSource, QUEUES);
        restarted.clock.advance(TestAssignment.PUSH_TIMEOUT.plusSeconds(1));
        assertEquals(1, restarted.scheduler.scan().timedOut());

        assertEquals(Presence.AWAY, restarted.directory.find("ann").presence(), "a missed offer sets the agent AWAY");
        Offer toBob = restarted.directory.openOffers("bob").get(0);
        assertEquals(toAnn.workId(), toBob.workId());
        assertEquals(OfferState.TIMED_OUT, restarted.db.inTransaction(c -> restarted.work.offer(c, toAnn.id())).orElseThrow().state());
        assertFalse(restarted.assigner.expire(toAnn.id()), "an offer times out once");
    }

    @Test
    void refusedTooOftenAnItemIsEscalatedToTheQueuesTarget() {
        for (String id : List.of("a1", "a2", "a3")) {
            agent(id, List.of("sales"), Map.of("retention", 5), 1, "ONLINE");
        }
        agent("boss", List.of("managers"), Map.of(), 5, "ONLINE");
        Offer offer = offerNew("sales", Map.of("retention", 5), 3, 10).orElseThrow();
        for (int i = 0; i < TestAssignment.MAX_ATTEMPTS; i++) {
            Offer open = t.db.inTransaction(c -> t.work.offersFor(c, offer.workId())).stream()
                    .filter(o -> o.state() == OfferState.OPEN).findFirst().orElseThrow();
            assigner.decline(open.id(), "other", "no");
        }

        WorkItem item = find(offer.workId());
        assertTrue(item.escalated());
        assertEquals("managers", item.queue());
        assertEquals("sales", item.routedQueue());
        assertEquals(WorkState.OFFERED, item.state(), "the manager queue's agent is offered it, skills waived");
        assertEquals("boss", item.agentId());
        assertTrue(kinds(item.id()).contains(WorkEventKind.ESCALATED));
    }

    @Test
    void aBreachedSlaEscalatesAWaitingItemToAnAgentTarget() {
        agent("boss", List.of("managers"), Map.of(), 5, "ONLINE");
        String id = enqueue("vip", Map.of("platinum", 9), 1, 99);
        assertTrue(assigner.offer(id).isEmpty(), "nobody serves vip and it has no overflow");

        t.clock.advance(TestAssignment.SLA.plusSeconds(1));
        assertEquals(1, t.scheduler.scan().escalated());
        WorkItem item = find(id);
        assertTrue(item.escalated());
        assertEquals("boss", item.pinnedAgent());
        assertEquals("boss", item.agentId(), "offered to the escalation agent, though boss does not serve vip");
    }

    @Test
    void aScanFillsAnAgentWhoCameOnlineWithAnItemPinnedToThem() throws Exception {
        agent("boss", List.of("managers"), Map.of(), 5, "AWAY");
        String id = enqueue("vip", Map.of("platinum", 9), 1, 99);
        t.clock.advance(TestAssignment.SLA.plusSeconds(1));
        assertEquals(1, t.scheduler.scan().escalated());
        assertEquals(WorkState.ESCALATED, find(id).state(), "pinned to boss, who is away");

        // Not through the presence endpoint, whose event would fill boss at once: only the scan finds this.
        try (var c = t.dataSource.getConnection(); var update = c.createStatement()) {
            update.execute("UPDATE agents SET presence = 'ONLINE' WHERE id = 'boss'");
        }
        assertEquals(1, t.scheduler.scan().offered());
        assertEquals("boss", find(id).agentId());
    }

    @Test
    void aScanFillsOnlyAgentsWhoseQueuesHoldWaitingOrEscalatedItems() throws Exception {
        agent("ann", List.of("sales"), Map.of(), 3, "AWAY");
        agent("boss", List.of("managers"), Map.of(), 3, "AWAY");
        agent("cat", List.of("service"), Map.of(), 3, "AWAY");
        String waiting = enqueue("sales", Map.of(), 3, 10);
        t.clock.advance(TestAssignment.SLA.plusSeconds(1));
        assertEquals(1, t.scheduler.scan().escalated());
        assertEquals(WorkState.ESCALATED, find(waiting).state(), "escalated to the managers queue, where boss is away");
        assertNull(find(waiting).pinnedAgent());
        String second = enqueue("sales", Map.of(), 3, 10);

        try (var c = t.dataSource.getConnection(); var update = c.createStatement()) {
            update.execute("UPDATE agents SET presence = 'ONLINE'");
        }
        assertEquals(2, t.scheduler.scan().offered(), "boss takes the escalated item, ann the waiting one, cat nothing");
        assertEquals("boss", find(waiting).agentId());
        assertEquals("ann", find(second).agentId());
        assertTrue(t.directory.openOffers("cat").isEmpty());
    }

    @Test
    void anItemForAQueueNobodyServesOverflows() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        Offer offer = offerNew("niche", Map.of(), 3, 10).orElseThrow();

        assertEquals("ann", offer.agentId());
        WorkItem item = find(offer.workId());
        assertEquals("sales", item.queue());
        assertEquals("niche", item.routedQueue());
        assertEquals(List.of(WorkEventKind.QUEUED, WorkEventKind.OVERFLOWED, WorkEventKind.OFFERED), kinds(item.id()));
    }

    @Test
    void goingOfflineWithdrawsOpenOffersWithoutCountingThem() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        agent("bob", List.of("sales"), Map.of(), 3, "OFFLINE");
        Offer offer = offerNew("sales", Map.of(), 3, 10).orElseThrow();

        t.directory.setPresence("ann", "OFFLINE");
        assertEquals(WorkState.WAITING, find(offer.workId()).state());
        assertEquals(0, find(offer.workId()).attempts());
        t.directory.setPresence("ann", "ONLINE");

        assertEquals(offer.workId(), t.directory.openOffers("ann").get(0).workId(), "a withdrawn offer may come back");
    }

    @Test
    void outsideWorkingHoursAnOnlineAgentIsNotOffered() {
        // "desk" has no settings: no escalation target, so a breached SLA leaves the item in it.
        t.directory.save("ann", new AgentProfile(null, "ann", null, List.of("desk"), Map.of(), 3, "Europe/London",
                List.of("MON-FRI 09:00-17:30"), "ONLINE"));
        // A Sunday in London, whatever the real date.
        Instant sunday = Instant.parse("2030-06-02T12:00:00Z");
        t.clock.advance(Duration.between(Instant.now(), sunday));

        String id = enqueue("desk", Map.of(), 3, 10);
        assertTrue(assigner.offer(id).isEmpty());
        assertFalse(t.directory.find("ann").available());
        t.clock.advance(Duration.ofDays(1));
        t.scheduler.scan();

        assertEquals(List.of(id), t.directory.openOffers("ann").stream().map(Offer::workId).toList(),
                "Monday 13:00: the scan finds ann in hours");
    }

    @Test
    void anItemEscalatedToAnAgentWhoRefusedItGoesToTheQueuesManagers() {
        // boss is the queue's escalation target and serves it too: as one of the three, boss refused it first.
        agent("boss", "head", List.of("life", "managers"), Map.of("fca", 9), 1, "ONLINE");
        agent("a1", "head", List.of("life"), Map.of("fca", 9), 1, "ONLINE");
        agent("a2", "head", List.of("life"), Map.of("fca", 9), 1, "ONLINE");
        agent("head", null, List.of("managers"), Map.of(), 2, "ONLINE");
        String id = enqueue("life", Map.of("fca", 5), 2, 50);
        for (int i = 0; i < TestAssignment.MAX_ATTEMPTS; i++) {
            assigner.decline(assigner.offer(id).or(() -> openOffer(id)).orElseThrow().id(), "busy", null);
        }

        WorkItem item = find(id);
        assertTrue(item.escalated());
        assertEquals("head", item.pinnedAgent(), "agent:boss refused it, so it goes on to the queue's managers");
        assertEquals(1, item.escalationStep());
        assertEquals("life", item.escalatedFrom());
        assertEquals(WorkState.OFFERED, item.state());
        assertEquals("head", item.agentId());
        WorkEvent escalated = history(id).stream().filter(e -> e.kind() == WorkEventKind.ESCALATED).findFirst().orElseThrow();
        assertEquals("refused by 3 agents -> agent:head (passed over, every eligible agent refused it: agent:boss)",
                escalated.detail());
    }

    @Test
    void anEscalationTargetWhoRefusesMovesTheItemOnToTheReviewQueue() {
        agent("boss", null, List.of("managers"), Map.of(), 2, "ONLINE");
        agent("rev", null, List.of(TestAssignment.REVIEW_QUEUE), Map.of(), 2, "ONLINE");
        String id = enqueue("vip", Map.of("platinum", 9), 1, 99);
        t.clock.advance(TestAssignment.SLA.plusSeconds(1));
        t.scheduler.scan();
        assertEquals("boss", find(id).agentId());

        t.clock.advance(TestAssignment.PUSH_TIMEOUT.plusSeconds(1));
        t.scheduler.scan();

        WorkItem item = find(id);
        assertEquals(TestAssignment.REVIEW_QUEUE, item.queue(), "boss let it time out; nobody serving vip has a manager");
        assertEquals(null, item.pinnedAgent());
        assertEquals("rev", item.agentId());
        assigner.decline(openOffer(id).orElseThrow().id(), "not-qualified", null);
        assertEquals(WorkState.ESCALATED, find(id).state(), "refused everywhere: it waits in the review queue, visibly");
        assertEquals(TestAssignment.REVIEW_QUEUE, find(id).queue());
    }

    @Test
    void savingAProfileOfflineWithdrawsTheAgentsOpenOffers() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        agent("bob", List.of("sales"), Map.of(), 3, "OFFLINE");
        Offer offer = offerNew("sales", Map.of(), 3, 10).orElseThrow();

        agent("ann", List.of("sales"), Map.of(), 3, "OFFLINE");

        assertTrue(t.directory.openOffers("ann").isEmpty());
        assertEquals(0, t.directory.find("ann").load());
        assertEquals(OfferState.WITHDRAWN, t.db.inTransaction(c -> t.work.offer(c, offer.id())).orElseThrow().state());
        assertEquals(WorkState.WAITING, find(offer.workId()).state());
        assertEquals(0, find(offer.workId()).attempts(), "a withdrawal is not a refusal");
    }

    @Test
    void aRosterImportedOfflineWithdrawsOpenOffers() {
        agent("ann", List.of("sales"), Map.of(), 3, "ONLINE");
        Offer offer = offerNew("sales", Map.of(), 3, 10).orElseThrow();

        t.directory.importRoster("id,name,queues,capacity,presence\nann,Ann,sales,3,OFFLINE\n", true);

        assertTrue(t.directory.openOffers("ann").isEmpty());
        assertEquals(OfferState.WITHDRAWN, t.db.inTransaction(c -> t.work.offer(c, offer.id())).orElseThrow().state());
    }

    private void agent(String id, List<String> queues, Map<String, Integer> skills, int capacity, String presence) {
        agent(id, null, queues, skills, capacity, presence);
    }

    private void agent(String id, String manager, List<String> queues, Map<String, Integer> skills, int capacity,
                       String presence) {
        t.directory.save(id, new AgentProfile(null, id, manager, queues, skills, capacity, null, ALWAYS, presence));
    }

    private Optional<Offer> openOffer(String workId) {
        return t.db.inTransaction(c -> t.work.openOfferOf(c, workId));
    }

    private List<WorkEvent> history(String id) {
        return t.history(id);
    }

    private String enqueue(String queue, Map<String, Integer> skills, int priority, int score) {
        String id = "lead-" + UUID.randomUUID();
        Instant now = t.clock.now();
        assertEquals(List.of(id), assigner.enqueue(List.of(
                new NewWork(id, "insurance", queue, skills, priority, score, "Rule", false, now, now))));
        return id;
    }

    private Optional<Offer> offerNew(String queue, Map<String, Integer> skills, int priority, int score) {
        return assigner.offer(enqueue(queue, skills, priority, score));
    }

    private WorkItem find(String id) {
        return t.db.inTransaction(c -> t.work.find(c, id)).orElseThrow();
    }

    private List<WorkEventKind> kinds(String id) {
        return t.history(id).stream().map(WorkEvent::kind).toList();
    }
}
