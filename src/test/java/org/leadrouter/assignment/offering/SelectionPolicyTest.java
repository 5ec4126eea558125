package org.leadrouter.assignment.offering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.agents.AgentState;
import org.leadrouter.assignment.agents.Presence;
import org.leadrouter.assignment.agents.WorkingHours;

class SelectionPolicyTest {

    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");
    private static final WorkingHours OFFICE = hours("MON-FRI 09:00-17:30");

    @Test
    void leastLoadedByShareOfCapacityThenLongestIdleThenId() {
        Instant earlier = WEDNESDAY_NOON.minusSeconds(600);
        Instant later = WEDNESDAY_NOON.minusSeconds(60);
        List<AgentState> agents = List.of(
                agent("half", 1, 2, later),
                agent("fifth", 1, 5, later),
                agent("idle-recent", 0, 3, later),
                agent("idle-long", 0, 3, earlier),
                agent("idle-never-b", 0, 3, null),
                agent("idle-never-a", 0, 3, null));

        assertEquals(List.of("idle-never-a", "idle-never-b", "idle-long", "idle-recent", "fifth", "half"),
                ids(SelectionPolicy.rank(agents, WEDNESDAY_NOON, Set.of())));
    }

    @Test
    void onlyAgentsWhoCanTakeWorkNowAreRanked() {
        List<AgentState> agents = new ArrayList<>(List.of(
                agent("full", 2, 2, null),
                new AgentState("busy", 3, 0, Presence.BUSY, OFFICE, null),
                new AgentState("night", 3, 0, Presence.ONLINE, hours("MON-SUN 20:00-24:00"), null),
                agent("ok", 0, 1, null)));

        assertEquals(List.of("ok"), ids(SelectionPolicy.rank(agents, WEDNESDAY_NOON, Set.of())));
        assertEquals(List.of(), ids(SelectionPolicy.rank(agents, WEDNESDAY_NOON,
                Set.of(WEDNESDAY_NOON.atZone(ZoneId.of("Europe/London")).toLocalDate()))), "a bank holiday");
    }

    private static AgentState agent(String id, int load, int capacity, Instant lastOffered) {
        return new AgentState(id, capacity, load, Presence.ONLINE, OFFICE, lastOffered);
    }

    private static WorkingHours hours(String shift) {
        return WorkingHours.parse(ZoneId.of("Europe/London"), List.of(shift), "hours", new ArrayList<>());
    }

    private static List<String> ids(List<AgentState> agents) {
        return agents.stream().map(AgentState::id).toList();
    }
}
