package org.leadrouter.assignment.work;

import java.time.Instant;
import java.util.Map;

/**
 * A routed lead to be worked (id = the lead's id). {@code queue} is where it is now,
 * {@code routedQueue} where the rules sent it. {@code agentId} holds it while OFFERED or
 * ACCEPTED; {@code pinnedAgent} is the only agent who may take it after an escalation to an agent
 * (or a supervisor's transfer to one). {@code escalatedFrom} is the queue it was escalated from and
 * {@code escalationStep} where it is on that queue's escalation path (above 0: an earlier step refused it).
 */
public record WorkItem(
        String id,
        String segment,
        String routedQueue,
        String queue,
        Map<String, Integer> requiredSkills,
        boolean skillsWaived,
        int priority,
        int score,
        String routingRule,
        boolean fallback,
        WorkState state,
        String agentId,
        String pinnedAgent,
        int attempts,
        boolean escalated,
        String escalationReason,
        Instant receivedAt,
        Instant routedAt,
        Instant createdAt,
        Instant slaDueAt,
        Instant firstOfferedAt,
        Instant acceptedAt,
        Instant escalatedAt,
        Instant completedAt,
        String escalatedFrom,
        int escalationStep) {
}
