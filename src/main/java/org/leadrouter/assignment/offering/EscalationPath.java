package org.leadrouter.assignment.offering;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.queues.EscalationTarget;
import org.leadrouter.assignment.queues.QueueCatalog;

/**
 * Where an item escalated from a queue may wait, in order: the queue's escalation target (or, with
 * none, the queue itself), then the targets' own targets, then the managers of the queue's agents
 * one by one, then the global review queue. A step where every eligible agent has refused the item
 * is passed over, so a lead never waits for someone who will never be offered it.
 */
final class EscalationPath {

    /** One place to wait: a queue, or one agent alone ({@code pinnedAgent}, the item staying in {@code queue}). */
    record Step(String queue, String pinnedAgent, boolean skillsWaived) {

        String label() {
            return pinnedAgent != null ? "agent:" + pinnedAgent : "queue:" + queue;
        }
    }

    private final QueueCatalog queues;
    private final AgentStore agents;
    private final String reviewQueue;

    EscalationPath(QueueCatalog queues, AgentStore agents, String reviewQueue) {
        this.queues = queues;
        this.agents = agents;
        this.reviewQueue = reviewQueue;
    }

    /** Every step of the path from {@code from}, without repeats. */
    List<Step> steps(Connection c, String from) throws SQLException {
        List<Step> steps = new ArrayList<>();
        EscalationTarget target = queues.settings(from).escalateTo();
        if (target == null) {
            steps.add(new Step(from, null, false));
        }
        Set<String> seen = new HashSet<>(List.of(from));
        String queue = from;
        while (target != null) {
            if (target.kind() == EscalationTarget.Kind.AGENT) {
                steps.add(new Step(queue, target.name(), true));
                break;
            }
            if (!seen.add(target.name())) {
                break;
            }
            queue = target.name();
            steps.add(new Step(queue, null, true));
            target = queues.settings(queue).escalateTo();
        }
        for (String manager : agents.managersOf(c, from)) {
            steps.add(new Step(from, manager, true));
        }
        steps.add(new Step(reviewQueue, null, true));
        return steps.stream().distinct().toList();
    }

    /**
     * The first step of the path where someone could still be offered the item; the last step
     * (the review queue) when nobody anywhere could, so the item waits where people look.
     */
    int firstOpen(Connection c, String workId, List<Step> steps) throws SQLException {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (agents.anyoneEligible(c, workId, step.queue(), step.pinnedAgent(), step.skillsWaived())) {
                return i;
            }
        }
        return steps.size() - 1;
    }
}
