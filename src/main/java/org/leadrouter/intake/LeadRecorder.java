package org.leadrouter.intake;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.leadrouter.background.Batches;
import org.leadrouter.db.DataConfig;
import org.leadrouter.db.RecordUnavailableException;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.RouteDecision;

/**
 * Group commit: requests queue their lead and get a future; one writer thread takes whatever
 * has queued (up to a batch), writes it in one transaction and then completes every future of
 * the batch. Under load a batch fills while the previous one commits, so the cost of a commit
 * (and its fsync) is shared by many leads and no request thread ever waits on the database.
 *
 * <p>On the embedded database a batch is made durable by appending it to the {@link IntakeJournal}
 * rather than by writing and forcing H2's file, which a checkpoint does every
 * {@code leadrouter.intake.journal.checkpoint-interval}; the journal is replayed at start ({@link JournalledBatches}).
 */
@ApplicationScoped
public class LeadRecorder {

    private static final Logger LOG = Logger.getLogger(LeadRecorder.class);
    private static final long STOP_WAIT_SECONDS = 10;
    /** The journal's folder within the data folder. */
    private static final String JOURNAL_FOLDER = "journal";

    private final LeadStore store;
    private final Path journalDir;
    private final IntakeConfig.Journal journalSettings;
    /** Null where each commit is durable by itself (PostgreSQL) or nothing is (an in-memory database). */
    private JournalledBatches journal;
    private final int batchSize;
    private final long gatherNanos;
    private final int capacity;
    private final BlockingQueue<Pending> queue;
    private final Consumer<LeadsRecorded> onRecorded;
    private final List<RecordingExtension> extensions;
    private Thread writer;
    private volatile boolean accepting;

    @Inject
    public LeadRecorder(LeadStore store, IntakeConfig config, DataConfig data, Event<LeadsRecorded> recorded,
                        Instance<RecordingExtension> extensions) {
        this(store, config, data.dir().resolve(JOURNAL_FOLDER), recorded::fire, extensions.stream().toList());
    }

    LeadRecorder(LeadStore store, IntakeConfig config) {
        this(store, config, List.of());
    }

    LeadRecorder(LeadStore store, IntakeConfig config, List<RecordingExtension> extensions) {
        this(store, config, null, recorded -> { }, extensions);
    }

    /** A recorder that journals its batches in {@code journalDir} when the store is an embedded file. */
    LeadRecorder(LeadStore store, IntakeConfig config, Path journalDir, Consumer<LeadsRecorded> onRecorded) {
        this(store, config, journalDir, onRecorded, List.of());
    }

    private LeadRecorder(LeadStore store, IntakeConfig config, Path journalDir, Consumer<LeadsRecorded> onRecorded,
                         List<RecordingExtension> extensions) {
        this.journalDir = journalDir;
        this.journalSettings = config.journal();
        this.onRecorded = onRecorded;
        this.extensions = extensions;
        this.store = store;
        this.batchSize = Math.max(1, config.batchSize());
        this.gatherNanos = config.gather().toNanos();
        this.capacity = Math.max(1, config.queueCapacity());
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Started with the service, not at the first lead: the journal is replayed before any request is taken. */
    void onStart(@Observes StartupEvent start) {
        // Observing is enough: the bean is made, and so started, for it.
    }

    @PostConstruct
    void start() {
        journal = replayedJournal();
        accepting = true;
        writer = new Thread(this::writeUntilStopped, "lead-writer");
        writer.start();
    }

    private JournalledBatches replayedJournal() {
        try {
            return journalDir != null && store.isEmbeddedFile()
                    ? JournalledBatches.replayed(store, journalDir, journalSettings, this::replay)
                    : null;
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not tell which database holds the record", e);
        }
    }

    /** Stops taking leads and writes those already accepted before the service stops. */
    @PreDestroy
    void stop() {
        accepting = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warnf("the lead writer did not finish within %d s; %d accepted leads are not recorded",
                    STOP_WAIT_SECONDS, queue.size());
        }
        if (journal != null) {
            journal.close();
        }
        // A request that queued just as the writer finished would otherwise never be answered.
        List<Pending> stranded = new ArrayList<>();
        queue.drainTo(stranded);
        stranded.forEach(p -> p.result().completeExceptionally(
                new IntakeBusyException("the service stopped before recording the lead; nothing was kept, retry")));
    }

    /**
     * Queues a routed lead for the database. The stage completes once the batch holding it is
     * committed, with the record that stands for its id (this one, or one recorded before);
     * it fails with {@link IntakeBusyException} at once if the queue is full, or with
     * {@link RecordUnavailableException} if its batch could not be written.
     */
    public CompletionStage<Recording> record(LeadInput lead, RouteDecision decision) {
        // The database keeps microseconds: answer with the decision exactly as it will be read back.
        RouteDecision storable = withDecidedAt(decision, decision.decidedAt().truncatedTo(ChronoUnit.MICROS));
        Pending pending = new Pending(lead, storable, new CompletableFuture<>());
        if (!accepting || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(new IntakeBusyException(accepting
                    ? capacity + " leads are already waiting to be recorded; retry shortly"
                    : "the service is stopping; retry on another instance or after it restarts"));
        }
        return pending.result();
    }

    /** Seconds since the intake journal's last checkpoint; NaN where there is no journal (see {@link JournalGauge}). */
    public double secondsSinceJournalCheckpoint() {
        JournalledBatches current = journal;
        return current == null ? Double.NaN : current.sinceCheckpoint().toMillis() / 1000.0;
    }

    /** Leads accepted and not yet taken by the writer. */
    public int waiting() {
        return queue.size();
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(batchSize);
        // A lead that arrives alone is written at once: the wait only pays when others come with it.
        boolean together = false;
        while (accepting || !queue.isEmpty()) {
            try {
                if (Batches.take(queue, batch, batchSize)) {
                    if (together) {
                        Batches.gather(queue, batch, batchSize, gatherNanos);
                    }
                    together = batch.size() > 1;
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Writes the batch in one transaction. When the database refuses the data of some lead in
     * it (not an outage), the batch is written again in halves until the refused leads stand
     * alone: they are told why, and every other lead is recorded.
     */
    private void write(List<Pending> batch) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<LeadRecord> records = batch.stream().map(p -> new LeadRecord(p.lead(), p.decision(), now)).toList();
        List<Recording> outcomes;
        List<LeadRecord> created;
        Map<RecordingExtension, Exception> failed = new LinkedHashMap<>();
        Map<LeadRecord, String> storedJson = new IdentityHashMap<>();
        try {
            outcomes = recordRetryingAlone(records, failed, storedJson);
            created = created(outcomes);
            if (journal != null) {
                journal.persist(created, storedJson);
            }
        } catch (Exception | LinkageError e) {
            if (!DataErrors.isDataError(e)) {
                LOG.errorf(e, "could not record a batch of %d leads; each caller is told to retry", batch.size());
                RecordUnavailableException failure = new RecordUnavailableException(
                        "the lead could not be recorded (database unavailable); retry with the same id", e);
                batch.forEach(p -> p.result().completeExceptionally(failure));
            } else if (batch.size() == 1) {
                Pending refused = batch.get(0);
                LOG.warnf(e, "the database refused lead %s; its caller is told so", refused.lead().id());
                refused.result().completeExceptionally(e instanceof UnreadableRecordException unreadable
                        ? unreadable : new UnstorableLeadException(refused.lead().id(), e));
            } else {
                LOG.warnf("the database refused a batch of %d leads (%s); writing it in halves to set the refused lead apart",
                        batch.size(), e.getMessage());
                write(batch.subList(0, batch.size() / 2));
                write(batch.subList(batch.size() / 2, batch.size()));
            }
            return;
        }
        // Told before the callers are answered, so the missing rows are noted before anyone acts on a 201.
        reportNotWritten(created, failed);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(outcomes.get(i));
        }
        announce(created);
    }

    /**
     * Records a journal entry again at start: whatever of it the database already has is left as
     * it is. Answers how many of its leads were missing.
     */
    private int replay(List<LeadRecord> records) throws SQLException {
        Map<RecordingExtension, Exception> failed = new LinkedHashMap<>();
        List<LeadRecord> created = created(store.commit(records, guarded(failed), new IdentityHashMap<>()));
        reportNotWritten(created, failed);
        announce(created);
        return created.size();
    }

    private static List<LeadRecord> created(List<Recording> outcomes) {
        return outcomes.stream().filter(Recording::created).map(Recording::record).toList();
    }

    private static void reportNotWritten(List<LeadRecord> created, Map<RecordingExtension, Exception> failed) {
        failed.forEach((extension, cause) -> {
            try {
                extension.notWritten(created, cause);
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not report %d recorded leads whose extra rows failed", created.size());
            }
        });
    }

    private void announce(List<LeadRecord> created) {
        if (!created.isEmpty()) {
            try {
                onRecorded.accept(new LeadsRecorded(created));
            } catch (RuntimeException e) {
                LOG.errorf(e, "an observer of %d recorded leads failed; they are recorded all the same", created.size());
            }
        }
    }

    /**
     * A lead alone that breaks a unique key was most likely just recorded by another instance:
     * written once more, it finds that record and is answered with it.
     */
    private List<Recording> recordRetryingAlone(List<LeadRecord> records, Map<RecordingExtension, Exception> failed,
                                                Map<LeadRecord, String> storedJson) throws SQLException {
        try {
            return recordOnce(records, guarded(failed), storedJson);
        } catch (SQLException e) {
            if (records.size() == 1 && DataErrors.sqlState(e).filter(state -> state.startsWith("23")).isPresent()) {
                return recordOnce(records, guarded(failed), storedJson);
            }
            throw e;
        }
    }

    /** Committed and synced, or (with the journal) committed only: the journal makes it durable next. */
    private List<Recording> recordOnce(List<LeadRecord> records, RecordingExtension extension,
                                       Map<LeadRecord, String> storedJson) throws SQLException {
        return journal == null ? store.record(records, extension) : store.commit(records, extension, storedJson);
    }

    /**
     * Each extension under its own savepoint: one that fails is undone and noted in {@code failed}
     * (cleared at each attempt), and the leads are committed without its rows.
     */
    private RecordingExtension guarded(Map<RecordingExtension, Exception> failed) {
        failed.clear();
        return (connection, created) -> {
            for (RecordingExtension extension : extensions) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    extension.write(connection, created);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    LOG.warnf(e, "extra rows for %d new leads failed; the leads are recorded without them", created.size());
                    failed.put(extension, e);
                }
            }
        };
    }

    private static RouteDecision withDecidedAt(RouteDecision d, Instant decidedAt) {
        return new RouteDecision(d.leadId(), d.segment(), d.queue(), d.priority(), d.score(), d.requiredSkills(),
                d.fallback(), d.fallbackCause(), d.reason(), d.rulesFired(), d.rulesetVersion(), d.region(), d.degraded(), decidedAt);
    }

    private record Pending(LeadInput lead, RouteDecision decision, CompletableFuture<Recording> result) {
    }
}
