package org.leadrouter.assignment.offering;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.leadrouter.background.Batches;
import org.leadrouter.background.DaemonThreads;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.intake.LeadsRecorded;
import org.leadrouter.intake.RecordingExtension;
import org.leadrouter.intake.UnreadableRecordException;

/**
 * Makes the work items of recorded leads in the leads' own transaction, and offers them once
 * that is committed. When making them fails, the leads are recorded without items and the
 * failure is noted (in memory, and in the database when it answers): the scheduler's next scan
 * that finds the database back makes the items of every lead recorded since, and so does the
 * next start if the service stopped first. Without such a note nothing is checked.
 */
@ApplicationScoped
public class AssignmentDispatcher implements RecordingExtension {

    private static final Logger LOG = Logger.getLogger(AssignmentDispatcher.class);
    /** New items waiting for an offer thread. */
    private static final int PENDING_ITEMS = 100_000;
    /** At most this many new items are offered in one transaction. */
    private static final int OFFER_BATCH = 500;

    private final Assigner assigner;
    private final Transactions db;
    private final LeadStore leads;
    private final WorkStore work;
    private final ExecutorService repairs;
    private final AtomicBoolean repairQueued = new AtomicBoolean();
    private Instant missingSince;
    private long failures;
    private final BlockingQueue<String> newItems = new ArrayBlockingQueue<>(PENDING_ITEMS);
    /** New items accepted for offering and not yet through their offer transaction. */
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Thread> offerThreads = new ArrayList<>();
    private volatile boolean running = true;
    /** The new items the lead writer's transaction has offered (or found nobody for), until its commit is announced. */
    private final ThreadLocal<Set<String>> offeredWithLeads = ThreadLocal.withInitial(HashSet::new);
    private final boolean enabled;
    private final boolean offerWithLead;

    public AssignmentDispatcher(Assigner assigner, Transactions db, LeadStore leads, WorkStore work,
                                AssignmentConfig config) {
        this.enabled = config.enabled();
        this.offerWithLead = config.offerWithLead();
        this.assigner = assigner;
        this.db = db;
        this.leads = leads;
        this.work = work;
        this.repairs = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                DaemonThreads.numbered("assignment-repair"), new ThreadPoolExecutor.DiscardPolicy());
        // Each offer thread takes every new item waiting (as the lead writer takes every waiting
        // lead), so the slower offering is, the larger and fewer its transactions become.
        ThreadFactory offerThread = DaemonThreads.numbered("assignment-offers");
        for (int i = 1; i <= Math.max(1, config.offerThreads()); i++) {
            offerThreads.add(offerThread.newThread(this::offerUntilStopped));
        }
        if (enabled) {
            offerThreads.forEach(Thread::start);
        }
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        try {
            db.inTransaction(work::unmadeSince).ifPresent(since -> {
                LOG.infof("work items of leads recorded since %s may be missing; looking for them", since);
                noteMissing(since);
                repairMissing();
            });
        } catch (RuntimeException e) {
            LOG.error("could not read whether work items are missing; the next scan finds out", e);
        }
    }

    @Override
    public void write(Connection connection, List<LeadRecord> created) throws SQLException {
        if (!enabled) {
            return;
        }
        // Emptied first: a batch whose commit failed was never announced, and its ids must not
        // keep this batch's from the offer threads, whatever of this write fails.
        Set<String> offered = offeredWithLeads.get();
        offered.clear();
        List<String> made = assigner.enqueue(connection, created.stream().map(NewWork::of).toList());
        if (!offerWithLead) {
            return;
        }
        // Offered in the same transaction: the lead, its item and its offer take one commit, and
        // each page they share is written once, not twice (docs/performance.md). If this fails,
        // the items go to the offer threads after the commit. If it succeeds, what it left waiting
        // nobody could take now: offering it again at once would find the same, so it waits, as
        // any waiting item does, for an agent who frees up (they fill at once) or the next scan.
        Savepoint beforeOffers = connection.setSavepoint();
        try {
            assigner.offer(connection, made);
            offered.addAll(made);
        } catch (SQLException | RuntimeException e) {
            connection.rollback(beforeOffers);
            LOG.debugf(e, "%d new work items are left to the offer threads", made.size());
        }
    }

    @Override
    public void notWritten(List<LeadRecord> created, Exception cause) {
        if (!enabled) {
            return;
        }
        // Decided before it was recorded, so no lead of these was recorded before its decision.
        Instant since = created.stream().map(r -> r.decision().decidedAt()).min(Instant::compareTo).orElseThrow();
        noteMissing(since);
        try {
            db.inTransaction(c -> {
                work.markUnmade(c, since);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not note in the database that %d leads lack their work item; they are made once it"
                    + " answers again, unless the service stops first", created.size());
        }
    }

    void onRecorded(@Observes LeadsRecorded recorded) {
        if (!enabled) {
            return;
        }
        // Announced on the thread that wrote the batch, right after its commit.
        Set<String> offered = offeredWithLeads.get();
        int dropped = 0;
        for (LeadRecord record : recorded.records()) {
            if (offered.contains(record.lead().id())) {
                continue;
            }
            pending.incrementAndGet();
            // Bounded, so a burst faster than offers are made cannot exhaust the heap: an item that
            // finds the queue full waits in the database, and the scheduler's next scan offers it.
            if (!newItems.offer(record.lead().id())) {
                pending.decrementAndGet();
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.debugf("%d new work items wait for the next scan: the offer threads are behind", dropped);
        }
        offered.clear();
    }

    /** Whether new items are being offered or wait for an offer thread. */
    public boolean offering() {
        return pending.get() > 0;
    }

    private void offerUntilStopped() {
        List<String> batch = new ArrayList<>(OFFER_BATCH);
        while (running) {
            try {
                if (Batches.take(newItems, batch, OFFER_BATCH)) {
                    offer(List.copyOf(batch));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /**
     * Called by each scheduler scan: if work items could not be made since the last repair,
     * looks for every lead recorded since the first of those failures that still has none.
     */
    public void repairMissing() {
        Optional<Missing> missing = missing();
        if (missing.isPresent() && repairQueued.compareAndSet(false, true)) {
            repairs.execute(() -> {
                try {
                    if (repair(missing.get().since())) {
                        repaired(missing.get());
                    }
                } finally {
                    repairQueued.set(false);
                }
            });
        }
    }

    /** Leads recorded at or after {@code since} may lack their item; {@code failures} tells a later failure apart. */
    private record Missing(Instant since, long failures) {
    }

    private synchronized void noteMissing(Instant since) {
        missingSince = missingSince == null || since.isBefore(missingSince) ? since : missingSince;
        failures++;
    }

    private synchronized Optional<Missing> missing() {
        return missingSince == null ? Optional.empty() : Optional.of(new Missing(missingSince, failures));
    }

    private synchronized void repaired(Missing missing) {
        if (failures == missing.failures()) {
            missingSince = null;
            try {
                db.inTransaction(c -> {
                    work.clearUnmade(c, missing.since());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("could not clear the note of missing work items; the next start looks for them again", e);
            }
        }
    }

    private void offer(List<String> ids) {
        try {
            assigner.offer(ids);
        } catch (RuntimeException e) {
            // The items wait; the scheduler's rebalance offers them when an agent looks for work.
            LOG.warnf(e, "could not offer %d new work items yet", ids.size());
        }
    }

    /** Makes the missing items of leads recorded at or after {@code since}; false if the check could not be made. */
    private boolean repair(Instant since) {
        try {
            List<String> missing = db.inTransaction(c -> work.leadsWithoutItem(c, since));
            List<NewWork> items = new ArrayList<>();
            for (String id : missing) {
                try {
                    leads.find(id).map(NewWork::of).ifPresent(items::add);
                } catch (UnreadableRecordException e) {
                    LOG.warnf("lead %s has no work item and its record cannot be read; it is left out", id);
                }
            }
            if (!items.isEmpty()) {
                LOG.infof("making the work items of %d recorded leads that had none", items.size());
                offer(assigner.enqueue(items));
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not check recorded leads for missing work items; checked again at the next scan", e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        repairs.shutdown();
        try {
            repairs.awaitTermination(10, TimeUnit.SECONDS);
            for (Thread thread : offerThreads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
