package org.leadrouter.assignment.agents;

import java.util.List;
import java.util.Map;

/** A validated agent profile. {@code presence} is null when the profile leaves it unchanged. */
public record Agent(
        String id,
        String name,
        String manager,
        List<String> queues,
        Map<String, Integer> skills,
        int capacity,
        WorkingHours hours,
        Presence presence) {

    public Agent {
        queues = List.copyOf(queues);
        skills = Map.copyOf(skills);
    }
}
