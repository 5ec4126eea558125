package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadrouter.assignment.queues.PolicySettings;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Overflow on wait: a queue whose items wait too long, or which holds too many, sends the
 * items over the limit to its overflow queue, though agents serve it (a queue nobody serves
 * at all overflows as soon as an item is made; see Assigner#enqueue).
 */
@ApplicationScoped
public class WaitOverflow {

    private final WaitingItems waiting;
    private final PolicyStore store;

    public WaitOverflow(WaitingItems waiting, PolicyStore store) {
        this.waiting = waiting;
        this.store = store;
    }

    /** Moves the items due; returns their ids (to be offered in their new queue). */
    public List<String> overflowDue(int limit) {
        return waiting.inEachQueue(limit, this::overflowFrom);
    }

    private List<String> overflowFrom(QueueSettings queue, int limit) {
        PolicySettings policy = queue.policy();
        List<String> moved = new ArrayList<>();
        if (policy.overflowAfterSeconds() != null) {
            Instant madeBefore = waiting.now().minusSeconds(policy.overflowAfterSeconds());
            moved.addAll(move(waiting.pick(c -> store.waitingSince(c, queue.name(), madeBefore, limit)), queue,
                    "waited over " + policy.overflowAfterSeconds() + " s in " + queue.name()));
        }
        if (policy.overflowDepth() != null && moved.size() < limit) {
            int room = limit - moved.size();
            moved.addAll(move(waiting.pick(c -> store.beyondDepth(c, queue.name(), policy.overflowDepth(), room)), queue,
                    queue.name() + " holds over " + policy.overflowDepth() + " waiting items"));
        }
        return moved;
    }

    private List<String> move(List<String> ids, QueueSettings from, String why) {
        return waiting.change(ids, from.name(), (c, item, now) -> {
            store.move(c, item.id(), from.overflowTo());
            return Optional.of(new WorkStore.NewEvent(item.id(), now, WorkEventKind.OVERFLOWED, from.overflowTo(), null, null, why));
        });
    }
}
