package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.queues.RelaxStep;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Lowers the required skill levels of items that have waited past a queue's relaxation steps, so
 * that more agents qualify before the SLA escalates the item (which waives skills altogether).
 * A level never drops below 1: the skill itself stays required.
 */
@ApplicationScoped
public class SkillRelaxation {

    private final WaitingItems waiting;
    private final PolicyStore store;

    public SkillRelaxation(WaitingItems waiting, PolicyStore store) {
        this.waiting = waiting;
        this.store = store;
    }

    /** Relaxes the items due; returns their ids (to be offered again). */
    public List<String> relaxDue(int limit) {
        return waiting.inEachQueue(limit, this::relaxIn);
    }

    private List<String> relaxIn(QueueSettings queue, int limit) {
        List<String> relaxed = new ArrayList<>();
        List<RelaxStep> steps = queue.policy().relaxSkills();
        // Latest step first: an item that waited through several steps is lowered once, to the deepest.
        for (int i = steps.size() - 1; i >= 0 && relaxed.size() < limit; i--) {
            RelaxStep step = steps.get(i);
            Instant madeBefore = waiting.now().minusSeconds(step.afterSeconds());
            int room = limit - relaxed.size();
            List<String> due = waiting.pick(c -> store.dueForRelaxation(c, queue.name(), madeBefore, step.levels(), room));
            relaxed.addAll(waiting.change(due, queue.name(), (c, item, now) -> {
                if (store.relaxedLevels(c, item.id()) >= step.levels()) {
                    return Optional.empty();
                }
                Map<String, Integer> levels = new LinkedHashMap<>();
                List<String> changes = new ArrayList<>();
                new TreeMap<>(item.requiredSkills()).forEach((skill, required) -> {
                    int level = Math.max(1, required - step.levels());
                    levels.put(skill, level);
                    changes.add(skill + " " + required + " -> " + level);
                });
                store.relax(c, item.id(), levels, step.levels());
                return Optional.of(new WorkStore.NewEvent(item.id(), now, WorkEventKind.RELAXED, queue.name(), null, null,
                        "waited over " + step.afterSeconds() + " s: " + String.join(", ", changes)));
            }));
        }
        return relaxed;
    }
}
