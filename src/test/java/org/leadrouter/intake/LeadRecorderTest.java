package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.db.Database;
import org.leadrouter.db.RecordUnavailableException;

class LeadRecorderTest {

    private final DataSource dataSource = TestDatabases.h2();
    private final LeadStore store = new LeadStore(dataSource, Database.H2);
    private LeadRecorder recorder;

    @AfterEach
    void stop() {
        if (recorder != null) {
            recorder.stop();
        }
    }

    @Test
    void eachLeadIsAnsweredOnceItsBatchIsCommitted() throws Exception {
        start(100, 1000);
        List<CompletableFuture<Recording>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Leads.RecordedPair pair = Leads.routed("lead-" + i, "insurance");
            answers.add(recorder.record(pair.lead(), pair.decision()).toCompletableFuture());
        }

        for (int i = 0; i < answers.size(); i++) {
            Recording recording = answers.get(i).get(30, TimeUnit.SECONDS);
            assertTrue(recording.created());
            assertEquals("lead-" + i, recording.record().lead().id());
            assertEquals(recording.record(), store.find("lead-" + i).orElseThrow());
        }
    }

    /**
     * On an embedded file whose own writes are an hour apart, acknowledged leads are on the disk
     * only in the journal: a copy of the folder taken then is what a crash would leave, and a
     * recorder started on it records them again before it takes a lead.
     */
    @Test
    void leadsTheDatabaseFileLacksAfterACrashAreRecordedAgainFromTheJournal(@TempDir Path dir) throws Exception {
        Path running = dir.resolve("running");
        LeadRecorder first = journalled(running);
        List<LeadRecord> acknowledged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Leads.RecordedPair pair = Leads.routed("journalled-" + i, i % 2 == 0 ? "insurance" : "telecoms");
            acknowledged.add(first.record(pair.lead(), pair.decision()).toCompletableFuture().get(30, TimeUnit.SECONDS).record());
        }
        Path crashed = dir.resolve("crashed");
        TestDatabases.copyFolder(running, crashed);
        first.stop();
        assertTrue(new LeadStore(TestDatabases.h2WrittenHourly(crashed, false), Database.H2).find("journalled-0").isEmpty(),
                "the database file alone has the leads: the journal is not what this tests");

        recorder = journalled(crashed);
        LeadStore restarted = new LeadStore(TestDatabases.h2WrittenHourly(crashed, false), Database.H2);
        for (LeadRecord lead : acknowledged) {
            assertEquals(lead, restarted.find(lead.lead().id()).orElseThrow(), lead.lead().id());
        }
        Leads.RecordedPair again = Leads.routed("journalled-3", "telecoms");
        assertFalse(recorder.record(again.lead(), again.decision()).toCompletableFuture().get(30, TimeUnit.SECONDS).created());
    }

    private static LeadRecorder journalled(Path folder) throws SQLException {
        LeadStore store = new LeadStore(TestDatabases.h2WrittenHourly(folder, true), Database.H2);
        LeadRecorder journalled = new LeadRecorder(store, config(100, 1000, Duration.ZERO, Duration.ofHours(1),
                new MemorySize(BigInteger.valueOf(1 << 20))), folder.resolve("journal"), recorded -> { });
        journalled.start();
        return journalled;
    }

    @Test
    void whileLeadsArriveTogetherTheWriterGathersMoreBeforeItCommits() throws Exception {
        start(100, 1000, Duration.ofSeconds(1));
        // Bursts until the writer's last commit held more than one lead (they share its time).
        for (int burst = 0; ; burst++) {
            assertTrue(burst < 20, "no burst ended in a commit of more than one lead");
            List<CompletableFuture<Recording>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(submit("burst-" + burst + "-" + i));
            }
            Instant last = answers.get(19).get(30, TimeUnit.SECONDS).record().recordedAt();
            if (answers.get(18).get(30, TimeUnit.SECONDS).record().recordedAt().equals(last)) {
                break;
            }
        }

        CompletableFuture<Recording> early = submit("early");
        awaitWriterHasTaken();
        Thread.sleep(100);
        CompletableFuture<Recording> late = submit("late");

        assertEquals(early.get(30, TimeUnit.SECONDS).record().recordedAt(), late.get(30, TimeUnit.SECONDS).record().recordedAt(),
                "the lead that came 100 ms later was committed with the first");
    }

    @Test
    void theSameIdFromManyRequestsIsRecordedOnceAndAllGetThatRecord() throws Exception {
        start(100, 1000);
        List<CompletableFuture<Recording>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Leads.RecordedPair pair = Leads.routed("same", "insurance");
            answers.add(recorder.record(pair.lead(), pair.decision()).toCompletableFuture());
        }

        List<Recording> recordings = new ArrayList<>();
        for (CompletableFuture<Recording> answer : answers) {
            recordings.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, recordings.stream().filter(Recording::created).count());
        LeadRecord standing = store.find("same").orElseThrow();
        recordings.forEach(recording -> assertEquals(standing, recording.record()));
    }

    @Test
    void aFullQueueRefusesAtOnceAndTheAcceptedLeadsAreStillRecorded() throws Exception {
        start(10, 2);
        try (Connection blocker = dataSource.getConnection()) {
            // An uncommitted lead with the same id holds the writer's insert until it rolls back.
            blocker.setAutoCommit(false);
            insertLead(blocker, "blocked");
            List<CompletableFuture<Recording>> accepted = new ArrayList<>();
            accepted.add(submit("blocked"));
            awaitWriterHasTaken();
            accepted.add(submit("queued-1"));
            accepted.add(submit("queued-2"));

            CompletableFuture<Recording> refused = submit("refused");

            assertTrue(refused.isCompletedExceptionally());
            assertInstanceOf(IntakeBusyException.class, failure(refused));
            accepted.forEach(answer -> assertFalse(answer.isDone()));
            blocker.rollback();
            for (CompletableFuture<Recording> answer : accepted) {
                assertTrue(answer.get(30, TimeUnit.SECONDS).created());
            }
        }
        assertTrue(store.find("refused").isEmpty());
    }

    @Test
    void aLeadTheDatabaseRefusesIsSetApartAndTheRestOfItsBatchIsRecorded() throws Exception {
        start(100, 1000);
        execute("ALTER TABLE leads ADD CONSTRAINT no_poison CHECK (segment <> 'poison')");
        List<CompletableFuture<Recording>> good = new ArrayList<>();
        CompletableFuture<Recording> poisoned;
        try (Connection blocker = dataSource.getConnection()) {
            // Holds the writer on a first lead so that everything after it queues into one batch.
            blocker.setAutoCommit(false);
            insertLead(blocker, "held");
            good.add(submit("held"));
            awaitWriterHasTaken();
            for (int i = 0; i < 5; i++) {
                good.add(submit("good-" + i));
            }
            poisoned = submit("poisoned", "poison");
            for (int i = 5; i < 10; i++) {
                good.add(submit("good-" + i));
            }
            blocker.rollback();
        }

        UnstorableLeadException refused = assertInstanceOf(UnstorableLeadException.class, failure(poisoned));
        assertTrue(refused.getMessage().contains("SQLSTATE 23"), refused.getMessage());
        for (CompletableFuture<Recording> answer : good) {
            assertTrue(answer.get(30, TimeUnit.SECONDS).created());
        }
        assertTrue(store.find("poisoned").isEmpty());
        assertTrue(store.find("good-9").isPresent());
        execute("ALTER TABLE leads DROP CONSTRAINT no_poison");
    }

    @Test
    void anExtensionWritesInTheLeadsTransactionAndOneThatFailsIsUndoneWithoutRefusingTheLeads() throws Exception {
        execute("CREATE TABLE extra (id VARCHAR(64) PRIMARY KEY)");
        RecordingExtension writes = (c, created) -> insertExtra(c, created, "");
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingExtension fails = new RecordingExtension() {
            @Override
            public void write(Connection c, List<LeadRecord> created) throws SQLException {
                insertExtra(c, created, "half-done-");
                throw new SQLException("refused", "57000");
            }

            @Override
            public void notWritten(List<LeadRecord> created, Exception cause) {
                created.forEach(r -> reported.add(r.lead().id()));
            }
        };
        recorder = new LeadRecorder(store, config(100, 1000, Duration.ZERO), List.of(writes, fails));
        recorder.start();

        assertTrue(submit("with-extras").get(30, TimeUnit.SECONDS).created());

        assertTrue(store.find("with-extras").isPresent());
        assertEquals(List.of("with-extras"), extras());
        assertEquals(List.of("with-extras"), reported);
    }

    private static void insertExtra(Connection c, List<LeadRecord> created, String prefix) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO extra (id) VALUES (?)")) {
            for (LeadRecord record : created) {
                insert.setString(1, prefix + record.lead().id());
                insert.executeUpdate();
            }
        }
    }

    private List<String> extras() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT id FROM extra ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    @Test
    void aDatabaseOutageTellsEveryCallerToRetry() throws Exception {
        SQLException down = new SQLException("connection refused", "08001");
        DataSource unreachable = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw down;
                });
        recorder = new LeadRecorder(new LeadStore(unreachable, Database.H2), config(100, 1000, Duration.ZERO));
        recorder.start();

        assertInstanceOf(RecordUnavailableException.class, failure(submit("during-outage")));
    }

    @Test
    void stoppingWritesWhatWasAcceptedAndRefusesTheRest() throws Exception {
        start(100, 1000);
        List<CompletableFuture<Recording>> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(submit("before-stop-" + i));
        }

        recorder.stop();

        for (CompletableFuture<Recording> answer : accepted) {
            assertTrue(answer.get(30, TimeUnit.SECONDS).created());
        }
        assertInstanceOf(IntakeBusyException.class, failure(submit("after-stop")));
        recorder = null;
    }

    private void start(int batchSize, int capacity) {
        start(batchSize, capacity, Duration.ZERO);
    }

    private void start(int batchSize, int capacity, Duration gather) {
        recorder = new LeadRecorder(store, config(batchSize, capacity, gather));
        recorder.start();
    }

    static IntakeConfig config(int batchSize, int capacity, Duration gather) {
        return config(batchSize, capacity, gather, Duration.ofSeconds(1), new MemorySize(BigInteger.valueOf(1 << 20)));
    }

    static IntakeConfig config(int batchSize, int capacity, Duration gather, Duration checkpointInterval,
                               MemorySize segmentSize) {
        IntakeConfig.Journal journal = new IntakeConfig.Journal() {
            @Override
            public Duration checkpointInterval() {
                return checkpointInterval;
            }

            @Override
            public MemorySize segmentSize() {
                return segmentSize;
            }
        };
        return new IntakeConfig() {
            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public int queueCapacity() {
                return capacity;
            }

            @Override
            public Duration gather() {
                return gather;
            }

            @Override
            public Journal journal() {
                return journal;
            }
        };
    }

    private CompletableFuture<Recording> submit(String id) {
        return submit(id, "insurance");
    }

    private CompletableFuture<Recording> submit(String id, String segment) {
        Leads.RecordedPair pair = Leads.routed(id, segment);
        return recorder.record(pair.lead(), pair.decision()).toCompletableFuture();
    }

    private void awaitWriterHasTaken() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recorder.waiting() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer never took the first lead");
            }
            Thread.sleep(1);
        }
    }

    private static Throwable failure(CompletableFuture<Recording> answer) throws InterruptedException {
        try {
            answer.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + answer.join());
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (CompletionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void insertLead(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score, required_skills,"
                        + " fallback, rules_fired, degraded, decided_at)"
                        + " VALUES (?, 'insurance', ?, ?, '{}', 'q', 3, 0, '{}', TRUE, '[]', '[]', ?)")) {
            insert.setString(1, id);
            insert.setObject(2, OffsetDateTime.now());
            insert.setObject(3, OffsetDateTime.now());
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
