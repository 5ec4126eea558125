package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentDb;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Lowers the required skill levels of items that have waited past a queue's relaxation steps, so
 * that more agents qualify before the SLA escalates the item (which waives skills altogether).
 * A level never drops below 1: the skill itself stays required.
 */
@ApplicationScoped
public class SkillRelaxation {

    private final AssignmentDb db;
    private final PolicyStore store;
    private final WorkStore work;
    private final QueueCatalog queues;
    private final AssignmentClock clock;

    public SkillRelaxation(AssignmentDb db, PolicyStore store, WorkStore work, QueueCatalog queues, AssignmentClock clock) {
        this.db = db;
        this.store = store;
        this.work = work;
        this.queues = queues;
        this.clock = clock;
    }

    /** Relaxes the items due, each in its own transaction; returns their ids (to be offered again). */
    public List<String> relaxDue(int limit) {
        List<String> relaxed = new ArrayList<>();
        for (QueueSettings queue : queues.configured()) {
            List<RelaxStep> steps = queue.policy().relaxSkills();
            // Latest step first: an item that waited through several steps is lowered once, to the deepest.
            for (int i = steps.size() - 1; i >= 0 && relaxed.size() < limit; i--) {
                RelaxStep step = steps.get(i);
                Instant madeBefore = clock.now().minusSeconds(step.afterSeconds());
                List<String> due = db.inTransaction(c ->
                        store.dueForRelaxation(c, queue.name(), madeBefore, step.levels(), limit - relaxed.size()));
                for (String id : due) {
                    if (relax(id, queue.name(), step)) {
                        relaxed.add(id);
                    }
                }
            }
        }
        return relaxed;
    }

    private boolean relax(String id, String queue, RelaxStep step) {
        return db.inTransaction(c -> {
            Instant now = clock.now();
            Optional<WorkItem> locked = work.lockIfFree(c, id);
            if (locked.isEmpty() || locked.get().state() != WorkState.WAITING || !locked.get().queue().equals(queue)
                    || store.relaxedLevels(c, id) >= step.levels()) {
                return false;
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            List<String> changes = new ArrayList<>();
            new TreeMap<>(locked.get().requiredSkills()).forEach((skill, required) -> {
                int level = Math.max(1, required - step.levels());
                levels.put(skill, level);
                changes.add(skill + " " + required + " -> " + level);
            });
            store.relax(c, id, levels, step.levels());
            work.event(c, id, now, WorkEventKind.RELAXED, queue, null, null, "waited over "
                    + step.afterSeconds() + " s: " + String.join(", ", changes));
            return true;
        });
    }
}
