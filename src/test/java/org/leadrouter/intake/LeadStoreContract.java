package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.Database;
import org.leadrouter.lead.LeadInput;

/** What every database behind {@link LeadStore} must do; one subclass per database. */
abstract class LeadStoreContract {

    private LeadStore store;
    private String segment;

    /** A migrated database of this kind, shared by the tests of a class. */
    abstract DataSource dataSource();

    abstract Database database();

    @BeforeEach
    void setUp() {
        store = new LeadStore(dataSource(), database());
        // Tests share one database: each works in its own segment and ids.
        segment = "seg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRecordReadsBackEqualToWhatWasRecorded() throws SQLException {
        LeadRecord record = Leads.record(id(), segment);

        List<Recording> outcomes = store.record(List.of(record));

        assertEquals(List.of(new Recording(record, true)), outcomes);
        assertEquals(record, store.find(record.lead().id()).orElseThrow());
    }

    @Test
    void aRecordWithOnlyTheRequiredFieldsReadsBackEqual() throws SQLException {
        LeadRecord full = Leads.record(id(), segment);
        LeadInput bare = new LeadInput(full.lead().id(), segment, null, full.lead().receivedAt(), null, null, null,
                null, null, null, null, null, java.util.Map.of());
        LeadRecord record = new LeadRecord(bare, full.decision(), full.recordedAt());

        store.record(List.of(record));

        assertEquals(record, store.find(bare.id()).orElseThrow());
    }

    @Test
    void anUnknownIdIsNotFound() throws SQLException {
        assertTrue(store.find(id()).isEmpty());
    }

    @Test
    void anIdAlreadyRecordedIsAnsweredWithTheStandingRecordAndNotWrittenAgain() throws SQLException {
        String id = id();
        LeadRecord first = Leads.record(id, segment);
        store.record(List.of(first));

        LeadRecord again = Leads.record(id, segment);
        List<Recording> outcomes = store.record(List.of(again, Leads.record(id(), segment)));

        assertEquals(new Recording(first, false), outcomes.get(0));
        assertTrue(outcomes.get(1).created());
        assertEquals(1, count("SELECT COUNT(*) FROM leads WHERE id = '" + id + "'"));
    }

    @Test
    void anIdTwiceInOneBatchIsWrittenOnceAndBothGetTheFirst() throws SQLException {
        String id = id();
        LeadRecord first = Leads.record(id, segment);
        LeadRecord second = Leads.record(id, segment);

        List<Recording> outcomes = store.record(List.of(first, second));

        assertEquals(List.of(new Recording(first, true), new Recording(first, false)), outcomes);
        assertEquals(1, count("SELECT COUNT(*) FROM leads WHERE id = '" + id + "'"));
        assertEquals(first, store.find(id).orElseThrow());
    }

    @Test
    void aValueTheDatabaseCannotHoldIsADataErrorNotAnOutage() {
        // Lower-cased, 64 of these are 128 characters: what the parser now refuses, written anyway.
        LeadRecord overlong = Leads.record(id(), "\u0130".repeat(64).toLowerCase(java.util.Locale.ROOT));
        SQLException refused = assertThrows(SQLException.class,
                () -> store.record(List.of(Leads.record(id(), segment), overlong)));

        assertTrue(DataErrors.isDataError(refused), refused.getSQLState() + " " + refused.getMessage());
    }

    @Test
    void aBatchThatFailsPartWayLeavesNothingWritten() throws SQLException {
        // The first lead's insert succeeds and the second's fails, inside one transaction.
        execute("ALTER TABLE leads ADD CONSTRAINT no_poison_" + database().datasourceName()
                + " CHECK (queue <> 'poison-priority')");
        try {
            LeadRecord good = Leads.record(id(), segment);
            LeadRecord bad = Leads.record(id(), "poison");
            assertThrows(SQLException.class, () -> store.record(List.of(good, bad)));

            assertTrue(store.find(good.lead().id()).isEmpty());
            assertEquals(0, count("SELECT COUNT(*) FROM leads WHERE id IN ('" + good.lead().id() + "', '"
                    + bad.lead().id() + "')"));
        } finally {
            execute("ALTER TABLE leads DROP CONSTRAINT no_poison_" + database().datasourceName());
        }
    }

    @Test
    void recentRecordsAreTheLastOfTheSegmentOldestFirst() throws SQLException {
        List<LeadRecord> records = List.of(Leads.record("r1-" + segment, segment), Leads.record("r2-" + segment, segment),
                Leads.record("r3-" + segment, segment), Leads.record("r4-" + segment, segment));
        store.record(records.subList(0, 2));
        store.record(List.of(Leads.record(id(), segment + "-other")));
        store.record(records.subList(2, 4));

        List<LeadRecord> recent = store.recentRecords(segment, 3).records();

        assertEquals(List.of(records.get(1).lead(), records.get(2).lead(), records.get(3).lead()),
                recent.stream().map(LeadRecord::lead).toList());
        assertEquals(records.get(3).decision().queue(), recent.get(2).decision().queue());
        assertEquals(4, store.recentRecords(segment, 10).records().size());
        assertTrue(store.recentRecords(segment, 0).records().isEmpty());
        assertTrue(store.recentRecords("no-such-segment", 5).records().isEmpty());
    }

    /** The rows are parsed once and kept, so the last leads must still follow every insert and every delete. */
    @Test
    void recentRecordsFollowNewLeadsAndDeletedOnes() throws SQLException {
        List<LeadRecord> records = List.of(Leads.record("f1-" + segment, segment), Leads.record("f2-" + segment, segment),
                Leads.record("f3-" + segment, segment), Leads.record("f4-" + segment, segment));
        store.record(records.subList(0, 3));
        assertEquals(List.of("f2", "f3"), recentIds(2));

        store.record(records.subList(3, 4));
        assertEquals(List.of("f3", "f4"), recentIds(2));

        execute("DELETE FROM leads WHERE id = 'f4-" + segment + "'");
        assertEquals(List.of("f2", "f3"), recentIds(2));
        execute("DELETE FROM leads WHERE id = 'f2-" + segment + "'");
        assertEquals(List.of("f1", "f3"), recentIds(2));
        assertEquals(List.of("f1", "f3"), recentIds(5));
        assertEquals(records.get(2), store.recentRecords(segment, 1).records().get(0));

        // A row whose number comes back with another lead (a table emptied and its numbers restarted).
        execute("UPDATE leads SET id = 'g3-" + segment + "', lead_json = REPLACE(lead_json, 'f3-', 'g3-') WHERE id = 'f3-"
                + segment + "'");
        assertEquals(List.of("f1", "g3"), recentIds(2));
    }

    private List<String> recentIds(int limit) throws SQLException {
        return store.recentRecords(segment, limit).records().stream()
                .map(r -> r.lead().id().substring(0, 2)).toList();
    }

    @Test
    void anUnreadableRowIsCountedAndLeftOutOfTheRecentRecords() throws SQLException {
        store.record(List.of(Leads.record("readable-" + segment, segment)));
        execute("INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score,"
                + " required_skills, fallback, rules_fired, degraded, decided_at) VALUES ('unreadable-" + segment + "', '"
                + segment + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{not json', 'q', 3, 0, '{}', TRUE, '[]', '[]',"
                + " CURRENT_TIMESTAMP)");

        RecentLeads recent = store.recentRecords(segment, 10);

        assertEquals(List.of("readable-" + segment), recent.records().stream().map(r -> r.lead().id()).toList());
        assertEquals(1, recent.unreadable());
        assertThrows(UnreadableRecordException.class, () -> store.find("unreadable-" + segment));
    }

    @Test
    void anEmptyBatchWritesNothing() throws SQLException {
        assertSame(0, store.record(List.of()).size());
        assertFalse(store.find("").isPresent());
    }

    @Test
    void eachNewLeadIsAddedToThePerMinuteTotalsOnce() throws SQLException {
        LeadRecord a = at(Leads.record(id(), segment), "2026-01-01T10:00:05Z");
        LeadRecord b = at(Leads.record(id(), segment), "2026-01-01T10:00:40Z");
        LeadRecord c = at(Leads.record(id(), segment), "2026-01-01T10:00:20Z");
        store.record(List.of(a, b));
        store.record(List.of(a, c));

        // Leads.record decides with degraded enrichment and fires "High value" then "Catch-all".
        assertEquals(3, count("SELECT leads FROM lead_minutes WHERE segment = '" + segment
                + "' AND cause = 'ENRICHMENT_DEGRADED' AND minute_at = TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00'"));
        assertEquals(1, count("SELECT COUNT(*) FROM lead_minutes WHERE segment = '" + segment + "'"));
        assertEquals(3, count("SELECT fired FROM rule_minutes WHERE segment = '" + segment + "' AND rule = 'High value'"));
        assertEquals(1, count("SELECT COUNT(*) FROM rule_minutes WHERE segment = '" + segment
                + "' AND rule = 'Catch-all' AND last_fired_at = TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:40+00'"));
    }

    private static LeadRecord at(LeadRecord record, String recordedAt) {
        return new LeadRecord(record.lead(), record.decision(), java.time.Instant.parse(recordedAt));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
