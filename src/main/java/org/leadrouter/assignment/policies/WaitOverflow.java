package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentDb;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Overflow on wait: a queue whose items wait too long, or which holds too many, sends the
 * items over the limit to its overflow queue, though agents serve it (a queue nobody serves
 * at all overflows as soon as an item is made; see Assigner#enqueue).
 */
@ApplicationScoped
public class WaitOverflow {

    private final AssignmentDb db;
    private final PolicyStore store;
    private final WorkStore work;
    private final QueueCatalog queues;
    private final AssignmentClock clock;

    public WaitOverflow(AssignmentDb db, PolicyStore store, WorkStore work, QueueCatalog queues, AssignmentClock clock) {
        this.db = db;
        this.store = store;
        this.work = work;
        this.queues = queues;
        this.clock = clock;
    }

    /** Moves the items due, each in its own transaction; returns their ids (to be offered in their new queue). */
    public List<String> overflowDue(int limit) {
        List<String> moved = new ArrayList<>();
        for (QueueSettings queue : queues.configured()) {
            PolicySettings policy = queue.policy();
            if (policy.overflowAfterSeconds() != null && moved.size() < limit) {
                Instant madeBefore = clock.now().minusSeconds(policy.overflowAfterSeconds());
                String why = "waited over " + policy.overflowAfterSeconds() + " s in " + queue.name();
                for (String id : db.inTransaction(c -> store.waitingSince(c, queue.name(), madeBefore, limit - moved.size()))) {
                    move(id, queue, why).ifPresent(moved::add);
                }
            }
            if (policy.overflowDepth() != null && moved.size() < limit) {
                String why = queue.name() + " holds over " + policy.overflowDepth() + " waiting items";
                for (String id : db.inTransaction(c ->
                        store.beyondDepth(c, queue.name(), policy.overflowDepth(), limit - moved.size()))) {
                    move(id, queue, why).ifPresent(moved::add);
                }
            }
        }
        return moved;
    }

    private Optional<String> move(String id, QueueSettings from, String why) {
        return db.inTransaction(c -> {
            Optional<WorkItem> locked = work.lockIfFree(c, id);
            if (locked.isEmpty() || locked.get().state() != WorkState.WAITING || locked.get().pinnedAgent() != null
                    || !locked.get().queue().equals(from.name())) {
                return Optional.empty();
            }
            store.move(c, id, from.overflowTo());
            work.event(c, id, clock.now(), WorkEventKind.OVERFLOWED, from.overflowTo(), null, null, why);
            return Optional.of(id);
        });
    }
}
