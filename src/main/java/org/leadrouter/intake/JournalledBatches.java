package org.leadrouter.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.leadrouter.background.DaemonTimer;
import org.leadrouter.db.RecordUnavailableException;

/**
 * Makes the lead writer's committed batches durable on the embedded database through the
 * {@link IntakeJournal}: replays it at start, appends each batch's new records, and checkpoints
 * the database file on a timer of its own so that the journal holds only what follows.
 */
final class JournalledBatches {

    private static final Logger LOG = Logger.getLogger(JournalledBatches.class);
    private static final long STOP_WAIT_SECONDS = 10;

    /** Records a replayed batch and answers how many of its leads the database lacked. */
    @FunctionalInterface
    interface Replay {
        int record(List<LeadRecord> batch) throws SQLException;
    }

    private final LeadStore store;
    private final IntakeJournal journal;
    private final StoredJson json;
    private final ScheduledExecutorService checkpoints;
    /** An append failed: batches are forced into the database file instead until a force succeeds. Writer thread only. */
    private boolean appendFailed;
    private volatile long checkpointedAt = System.nanoTime();

    private JournalledBatches(LeadStore store, IntakeJournal journal, StoredJson json, Duration checkpointInterval) {
        this.store = store;
        this.journal = journal;
        this.json = json;
        this.checkpoints = DaemonTimer.start("intake-checkpoint", checkpointInterval, checkpointInterval, this::checkpoint,
                LOG, "could not checkpoint the intake journal; it keeps growing until a checkpoint succeeds");
    }

    /**
     * Opens the journal in {@code dir} and records again, through {@code replay}, whatever it holds
     * after its last checkpoint. A journal that cannot be replayed stops the start: the service would
     * otherwise answer without leads it has acknowledged.
     */
    static JournalledBatches replayed(LeadStore store, Path dir, IntakeConfig.Journal settings, Replay replay) {
        StoredJson json = new StoredJson();
        try {
            IntakeJournal journal = IntakeJournal.open(dir, settings.segmentSize().asLongValue());
            int[] missing = {0};
            int entries = journal.replayThenStart(entry -> missing[0] += replay.record(json.batch(entry)),
                    () -> forceDatabaseFile(store));
            if (entries > 0) {
                LOG.infof("the intake journal held %d batches after its last checkpoint; %d of their leads were not in"
                        + " the database file and are recorded now", entries, missing[0]);
            }
            return new JournalledBatches(store, journal, json, settings.checkpointInterval());
        } catch (Exception e) {
            throw new IllegalStateException("could not replay the intake journal in " + dir
                    + "; the service does not start without the leads it has acknowledged", e);
        }
    }

    /**
     * Makes a committed batch durable: its new records are appended and forced (an already
     * recorded lead was made durable by the batch that created it), each lead as the JSON
     * {@code storedJson} holds for it where it has one. Should an append fail, the database file
     * is written and forced instead, which covers every commit so far.
     */
    void persist(List<LeadRecord> created, Map<LeadRecord, String> storedJson) throws SQLException {
        if (!appendFailed && !created.isEmpty()) {
            try {
                journal.append(json.batch(created, storedJson));
                return;
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "could not append %d leads to the intake journal; forcing the database file instead",
                        created.size());
                appendFailed = true;
            }
        }
        if (appendFailed) {
            store.sync();
            appendFailed = false;
        }
    }

    /** Since the last checkpoint that succeeded (or the replay at start): while it grows, so does the journal. */
    Duration sinceCheckpoint() {
        return Duration.ofNanos(System.nanoTime() - checkpointedAt);
    }

    /** Stops the checkpoints and takes a last one, so that a clean stop leaves nothing to replay. */
    void close() {
        // Not shutdownNow: an interrupt during a file write closes H2's file channel under the database.
        checkpoints.shutdown();
        try {
            checkpoints.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            checkpoint();
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the last checkpoint of the intake journal failed (%s); the next start replays it", e.getMessage());
        }
    }

    /** Writes the database file and forces it, then lets the journal drop what that covers. */
    private void checkpoint() {
        IntakeJournal.Mark covered = journal.appended();
        forceDatabaseFile(store);
        try {
            journal.checkpoint(covered);
            checkpointedAt = System.nanoTime();
            journal.prepareNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forceDatabaseFile(LeadStore store) {
        try {
            store.sync();
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not force the database file", e);
        }
    }
}
