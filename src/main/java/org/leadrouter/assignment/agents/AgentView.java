package org.leadrouter.assignment.agents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agent as stored, with what they hold now and whether they can be offered work at this moment. */
public record AgentView(
        String id,
        String name,
        String manager,
        List<String> queues,
        Map<String, Integer> skills,
        int capacity,
        String timeZone,
        List<String> hours,
        Presence presence,
        Instant presenceSince,
        int load,
        Instant lastOfferedAt,
        boolean inWorkingHours,
        boolean available) {
}
