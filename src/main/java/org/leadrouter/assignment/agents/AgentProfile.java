package org.leadrouter.assignment.agents;

import java.util.List;
import java.util.Map;

/**
 * An agent as a roster or {@code PUT /agents/{id}} gives it, before validation. Only name,
 * queues and capacity are required; presence, when given, is set too.
 */
public record AgentProfile(
        String id,
        String name,
        String manager,
        List<String> queues,
        Map<String, Integer> skills,
        Integer capacity,
        String timeZone,
        List<String> hours,
        String presence) {
}
