package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;

/**
 * Changes items that wait in a queue, as the time-based refinements (overflow on wait, skill
 * relaxation) do: each item in its own transaction, under its lock, and only if it still waits
 * plainly (WAITING, not pinned) in the queue it was picked from, since an agent may have been
 * offered it, or an escalation moved it, after the list was read.
 */
@ApplicationScoped
public class WaitingItems {

    /** One item's change under its lock: the history entry to record, or empty if nothing changed. */
    @FunctionalInterface
    public interface Change {
        Optional<WorkStore.NewEvent> apply(Connection c, WorkItem item, Instant now) throws SQLException;
    }

    /** What a refinement does in one queue: changes at most {@code limit} items, returning their ids. */
    @FunctionalInterface
    public interface InQueue {
        List<String> changeIn(QueueSettings queue, int limit);
    }

    private final Transactions db;
    private final WorkStore work;
    private final QueueCatalog queues;
    private final AssignmentClock clock;

    public WaitingItems(Transactions db, WorkStore work, QueueCatalog queues, AssignmentClock clock) {
        this.db = db;
        this.work = work;
        this.queues = queues;
        this.clock = clock;
    }

    /** Runs the refinement in every configured queue, at most {@code limit} items in all; returns the ids changed. */
    public List<String> inEachQueue(int limit, InQueue refinement) {
        List<String> changed = new ArrayList<>();
        for (QueueSettings queue : queues.configured()) {
            if (changed.size() < limit) {
                changed.addAll(refinement.changeIn(queue, limit - changed.size()));
            }
        }
        return changed;
    }

    public Instant now() {
        return clock.now();
    }

    /** Reads which items are due (without locks). */
    public List<String> pick(Transactions.Work<List<String>> query) {
        return db.inTransaction(query);
    }

    /** Applies the change to each item still waiting in {@code queue}; returns the ids changed. */
    public List<String> change(List<String> ids, String queue, Change change) {
        List<String> changed = new ArrayList<>();
        for (String id : ids) {
            boolean done = db.inTransaction(c -> {
                Optional<WorkItem> item = work.lockIfFree(c, id);
                if (item.isEmpty() || item.get().state() != WorkState.WAITING || item.get().pinnedAgent() != null
                        || !item.get().queue().equals(queue)) {
                    return false;
                }
                Optional<WorkStore.NewEvent> event = change.apply(c, item.get(), clock.now());
                if (event.isPresent()) {
                    work.events(c, List.of(event.get()));
                }
                return event.isPresent();
            });
            if (done) {
                changed.add(id);
            }
        }
        return changed;
    }
}
