package org.leadrouter.assignment.agents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** What deciding whether an agent can take an offer needs: read under the agent's row lock when it matters. */
public record AgentState(String id, int capacity, int load, Presence presence, WorkingHours hours, Instant lastOfferedAt) {

    /** ONLINE, inside working hours, and holding less than their capacity. */
    public boolean canTakeWork(Instant now, Set<LocalDate> bankHolidays) {
        return presence == Presence.ONLINE && load < capacity && hours.isWorking(now, bankHolidays);
    }

    /** As after one more offer made at {@code at}. */
    public AgentState plusOffer(Instant at) {
        return new AgentState(id, capacity, load + 1, presence, hours, at);
    }
}
