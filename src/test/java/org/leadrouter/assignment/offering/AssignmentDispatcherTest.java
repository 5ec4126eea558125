package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.intake.LeadsRecorded;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

/**
 * Recorded leads get their work item in their own transaction, and those whose item could not be
 * made get it later: at the next scan that finds the database back, or at the next start.
 */
class AssignmentDispatcherTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), "{\"queues\": {\"sales\": {}}}");
    }

    @Test
    void theItemIsCommittedWithItsLead() throws Exception {
        LeadRecord record = record("with-item");

        t.leads.record(List.of(record), t.dispatcher);

        assertTrue(hasItem("with-item"));
    }

    @Test
    void withOfferWithLeadTheItemIsOfferedInTheLeadsOwnTransaction() throws Exception {
        t.agent("ann", List.of("sales"), Map.of(), 5, "ONLINE");

        t.leads.record(List.of(record("offered-at-once")), t.dispatcher);

        // No offer thread has been told of the lead (onRecorded): the recording offered it.
        assertEquals(WorkState.OFFERED, t.item("offered-at-once").state());
        assertEquals("ann", t.item("offered-at-once").agentId());
    }

    @Test
    void withoutOfferWithLeadTheOfferThreadsOfferItAfterTheCommit() throws Exception {
        TestAssignment threads = new TestAssignment(TestAssignment.h2(), "{\"queues\": {\"sales\": {}}}", false);
        threads.agent("ann", List.of("sales"), Map.of(), 5, "ONLINE");
        LeadRecord lead = record("offered-after");

        threads.leads.record(List.of(lead), threads.dispatcher);
        assertEquals(WorkState.WAITING, threads.item("offered-after").state());

        threads.dispatcher.onRecorded(new LeadsRecorded(List.of(lead)));
        await(() -> threads.item("offered-after").state() == WorkState.OFFERED);
    }

    @Test
    void anOfferThatFailsInTheLeadsTransactionLeavesTheItemToTheOfferThreads() throws Exception {
        t.agent("ann", List.of("sales"), Map.of(), 5, "ONLINE");
        // Stands for the offer's writes failing while the lead and its item can be written.
        execute("ALTER TABLE offers ADD CONSTRAINT outage CHECK (work_id <> 'offer-fails')");
        LeadRecord lead = record("offer-fails");

        t.leads.record(List.of(lead), t.dispatcher);
        assertEquals(WorkState.WAITING, t.item("offer-fails").state(), "recorded with its item, not offered");

        execute("ALTER TABLE offers DROP CONSTRAINT outage");
        t.dispatcher.onRecorded(new LeadsRecorded(List.of(lead)));
        await(() -> t.item("offer-fails").state() == WorkState.OFFERED);
    }

    @Test
    void anItemNobodyCouldTakeInTheLeadsTransactionIsNotHandedToTheOfferThreads() throws Exception {
        t.agent("ann", List.of("sales"), Map.of(), 5, "AWAY");
        LeadRecord lead = record("nobody-now");

        t.leads.record(List.of(lead), t.dispatcher);
        t.dispatcher.onRecorded(new LeadsRecorded(List.of(lead)));
        assertFalse(t.dispatcher.offering(), "the lead's transaction already looked for someone to offer it to");

        execute("UPDATE agents SET presence = 'ONLINE' WHERE id = 'ann'");
        assertEquals(1, t.scheduler.scan().offered(), "it waits for an agent, as any waiting item does");
        assertEquals(WorkState.OFFERED, t.item("nobody-now").state());
    }

    @Test
    void aLeadWhoseWorkItemFailedGetsItAtTheNextScanOnceTheDatabaseIsBack() throws Exception {
        // Stands for the database refusing work items while accepting the lead they belong to.
        execute("ALTER TABLE work_items ADD CONSTRAINT outage CHECK (id <> 'during-outage')");
        LeadRecord stranded = recordWithoutItem("during-outage");
        assertFalse(hasItem("during-outage"));

        t.scheduler.scan();
        execute("ALTER TABLE work_items DROP CONSTRAINT outage");
        t.scheduler.scan();

        await(() -> hasItem(stranded.lead().id()));
    }

    @Test
    void aFailureNotedInTheDatabaseIsRepairedAtTheNextStart() throws Exception {
        execute("ALTER TABLE work_items ADD CONSTRAINT outage CHECK (id <> 'before-restart')");
        recordWithoutItem("before-restart");
        execute("ALTER TABLE work_items DROP CONSTRAINT outage");

        TestAssignment restarted = new TestAssignment(t.dataSource, "{\"queues\": {\"sales\": {}}}");
        restarted.dispatcher.onStart(null);

        await(() -> hasItem("before-restart"));
        await(() -> restarted.db.inTransaction(restarted.work::unmadeSince).isEmpty());
    }

    @Test
    void withoutAFailureNeitherAScanNorAStartLooksThroughTheRecord() throws Exception {
        LeadRecord unseen = record("recorded-without-assignment");
        t.leads.record(List.of(unseen));

        t.scheduler.scan();
        t.dispatcher.onStart(null);
        t.leads.record(List.of(record("announced")), t.dispatcher);

        assertTrue(hasItem("announced"));
        assertFalse(hasItem(unseen.lead().id()), "only a noted failure looks through the record");
    }

    @Test
    void aScanDoesNotFillAgentsWhileABatchOfNewItemsIsBeingOffered() throws Exception {
        t.agent("ann", List.of("sales"), Map.of(), 5, "AWAY");
        t.leads.record(List.of(record("waiting")), t.dispatcher);
        execute("UPDATE agents SET presence = 'ONLINE' WHERE id = 'ann'");
        try (Connection holder = t.dataSource.getConnection()) {
            // Holds ann's row: the batch offer of the next lead waits for it.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT id FROM agents WHERE id = 'ann' FOR UPDATE").close();
            }
            LeadRecord next = record("next");
            t.leads.record(List.of(next), t.dispatcher);
            t.dispatcher.onRecorded(new LeadsRecorded(List.of(next)));
            assertTrue(t.dispatcher.offering());

            assertEquals(0, t.scheduler.scan().offered(), "the fill waits for the batch instead of racing it");
            holder.rollback();
        }
        await(() -> t.item("next").state() == WorkState.OFFERED);
        await(() -> !t.dispatcher.offering());
        assertEquals(1, t.scheduler.scan().offered(), "then it fills ann with what waits");
        assertEquals(WorkState.OFFERED, t.item("waiting").state());
    }

    /** Recorded as the intake does when making the item fails: the lead alone, then the failure reported. */
    private LeadRecord recordWithoutItem(String id) throws SQLException {
        LeadRecord record = record(id);
        SQLException refused = assertThrows(SQLException.class, () -> t.leads.record(List.of(record), t.dispatcher));
        t.leads.record(List.of(record));
        t.dispatcher.notWritten(List.of(record), refused);
        return record;
    }

    private static LeadRecord record(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LeadInput lead = new LeadInput(id, "sales", "web", now, null, null, null, null, null, null, null, null, Map.of());
        RouteDecision decision = new RouteDecision(id, "sales", "sales", 3, 10, Map.of(), false, null, "test", List.of("Sales"),
                "sales@test", "LONDON", List.of(), now);
        return new LeadRecord(lead, decision, now);
    }

    private boolean hasItem(String id) {
        return t.db.inTransaction(c -> t.work.find(c, id)).isPresent();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = t.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(10);
        }
    }
}
