package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.intake.LeadsRecorded;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

/** Recorded leads become work items, and those a database failure left without one get it while the service runs. */
class AssignmentDispatcherTest {

    private TestAssignment t;

    @BeforeEach
    void setUp() {
        t = new TestAssignment(TestAssignment.h2(), "{\"queues\": {\"sales\": {}}}");
    }

    @Test
    void aLeadWhoseWorkItemFailedGetsItAtTheNextScanOnceTheDatabaseIsBack() throws Exception {
        // Stands for the database refusing work items while the lead itself was committed just before.
        execute("ALTER TABLE work_items ADD CONSTRAINT outage CHECK (id <> 'during-outage')");
        LeadRecord stranded = recorded("during-outage");
        t.dispatcher.onRecorded(new LeadsRecorded(List.of(stranded)));
        // Items are made in order on one thread: once this one exists, every attempt for the first is over.
        t.dispatcher.onRecorded(new LeadsRecorded(List.of(recorded("after-it"))));
        await(() -> hasItem("after-it"));
        assertFalse(hasItem("during-outage"));

        t.scheduler.scan();
        execute("ALTER TABLE work_items DROP CONSTRAINT outage");
        t.scheduler.scan();

        await(() -> hasItem("during-outage"));
    }

    @Test
    void withoutAFailureAScanLooksForNothing() throws Exception {
        LeadRecord unseen = recorded("never-announced");

        t.scheduler.scan();

        t.dispatcher.onRecorded(new LeadsRecorded(List.of(recorded("announced"))));
        await(() -> hasItem("announced"));
        assertFalse(hasItem(unseen.lead().id()), "only a failure, or a start, looks through the record");
    }

    private LeadRecord recorded(String id) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LeadInput lead = new LeadInput(id, "sales", "web", now, null, null, null, null, null, null, null, null, Map.of());
        RouteDecision decision = new RouteDecision(id, "sales", "sales", 3, 10, Map.of(), false, null, "test", List.of("Sales"),
                "sales@test", "LONDON", List.of(), now);
        LeadRecord record = new LeadRecord(lead, decision, now);
        t.leads.record(List.of(record));
        return record;
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
