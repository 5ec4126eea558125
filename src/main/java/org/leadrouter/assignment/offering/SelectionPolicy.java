package org.leadrouter.assignment.offering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.leadrouter.assignment.agents.AgentState;

/**
 * Who among the qualified agents gets an offer: those who can take work now (ONLINE, inside
 * working hours, below capacity), least loaded first (load ÷ capacity, so 1 of 5 comes before
 * 1 of 2), then longest idle (longest since their last offer; never offered first), then by id
 * so the choice is repeatable.
 */
public final class SelectionPolicy {

    static final Comparator<AgentState> BEST_FIRST = ((Comparator<AgentState>) SelectionPolicy::compareLoad)
            .thenComparing(AgentState::lastOfferedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AgentState::id);

    private SelectionPolicy() {
    }

    public static List<AgentState> rank(List<AgentState> candidates, Instant now, Set<LocalDate> bankHolidays) {
        return candidates.stream().filter(a -> a.canTakeWork(now, bankHolidays)).sorted(BEST_FIRST).toList();
    }

    private static int compareLoad(AgentState a, AgentState b) {
        // a.load / a.capacity vs b.load / b.capacity, without division (capacity is above load, so above 0)
        return Long.compare((long) a.load() * b.capacity(), (long) b.load() * a.capacity());
    }
}
