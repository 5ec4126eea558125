package org.leadrouter.assignment.offering;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.offering.Assigner;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.intake.LeadsRecorded;
import org.leadrouter.intake.UnreadableRecordException;

/**
 * Turns recorded leads into work items and offers them at once. Items are made on one thread
 * (so a lead never gets two), offers on a small pool. A lead whose item was not made is found
 * again: after a database outage, by the scheduler's next scan that finds the database back
 * (every lead recorded since the first failure is checked); after a crash just after its
 * commit, at the next start (every lead recorded since assignment was installed is checked).
 */
@ApplicationScoped
public class AssignmentDispatcher {

    private static final Logger LOG = Logger.getLogger(AssignmentDispatcher.class);
    private static final int ENQUEUE_ATTEMPTS = 3;

    private final Assigner assigner;
    private final Transactions db;
    private final LeadStore leads;
    private final WorkStore work;
    /** Batches of recorded leads waiting to become work items; see the constructor for what happens when full. */
    private static final int PENDING_BATCHES = 1_000;
    /** Offers waiting for an offer thread. */
    private static final int PENDING_OFFERS = 10_000;

    private final ExecutorService intake;
    private final AtomicBoolean repairQueued = new AtomicBoolean();
    private Instant missingSince;
    private long failures;
    private final ExecutorService offers;
    private final boolean enabled;

    public AssignmentDispatcher(Assigner assigner, Transactions db, LeadStore leads, WorkStore work,
                                AssignmentConfig config) {
        this.enabled = config.enabled();
        this.assigner = assigner;
        this.db = db;
        this.leads = leads;
        this.work = work;
        // Bounded, so a burst of leads faster than offers are made cannot exhaust the heap. When
        // the item backlog is full the lead writer makes the items itself, slowing intake down
        // rather than losing work; an offer that finds the queue full is dropped, because its
        // item is waiting in the database and the scheduler's next scan offers it.
        this.intake = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(PENDING_BATCHES), named("assignment-intake"), new ThreadPoolExecutor.CallerRunsPolicy());
        int threads = Math.max(1, config.offerThreads());
        this.offers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(PENDING_OFFERS), named("assignment-offers"), new ThreadPoolExecutor.DiscardPolicy());
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            intake.execute(this::repair);
        }
    }

    void onRecorded(@Observes LeadsRecorded recorded) {
        if (!enabled) {
            return;
        }
        List<NewWork> items = recorded.records().stream().map(NewWork::of).toList();
        intake.execute(() -> enqueueAndOffer(items));
    }

    /**
     * Called by each scheduler scan: if work items could not be made since the last repair,
     * looks for every lead recorded since the first of those failures that still has none.
     * Runs on the item thread, so it never races the items being made for new leads.
     */
    public void repairMissing() {
        Optional<Missing> missing = missing();
        if (missing.isPresent() && repairQueued.compareAndSet(false, true)) {
            intake.execute(() -> {
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

    private synchronized void noteMissing(List<NewWork> items) {
        // Decided before it was recorded, so no lead of these was recorded before its decision.
        Instant earliest = items.stream().map(NewWork::routedAt).min(Instant::compareTo).orElseThrow();
        missingSince = missingSince == null || earliest.isBefore(missingSince) ? earliest : missingSince;
        failures++;
    }

    private synchronized Optional<Missing> missing() {
        return missingSince == null ? Optional.empty() : Optional.of(new Missing(missingSince, failures));
    }

    private synchronized void repaired(Missing missing) {
        if (failures == missing.failures()) {
            missingSince = null;
        }
    }

    private void enqueueAndOffer(List<NewWork> items) {
        for (int attempt = 1; attempt <= ENQUEUE_ATTEMPTS; attempt++) {
            try {
                List<String> made = assigner.enqueue(items);
                // Checked after the items are committed: an agent who comes ONLINE later fills
                // from the waiting work, so skipping the offers when nobody is free loses nothing.
                if (!made.isEmpty() && assigner.anyAgentAvailable()) {
                    for (String id : made) {
                        offers.execute(() -> offer(id));
                    }
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not make work items for %d leads (attempt %d of %d); if every attempt fails they"
                        + " are made once the database answers again", items.size(), attempt, ENQUEUE_ATTEMPTS);
            }
        }
        noteMissing(items);
    }

    private void offer(String id) {
        try {
            assigner.offer(id);
        } catch (RuntimeException e) {
            // The item waits; the scheduler's rebalance offers it when an agent looks for work.
            LOG.warnf(e, "could not offer work item %s yet", id);
        }
    }

    /** Every lead recorded since assignment was installed must have an item. */
    private void repair() {
        repair(Instant.EPOCH);
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
                enqueueAndOffer(items);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not check recorded leads for missing work items; checked again at the next scan", e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        for (ExecutorService executor : List.of(intake, offers)) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
