package org.leadrouter.assignment.offering;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadrouter.assignment.agents.AgentState;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.policies.Distribution;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Chooses an agent for each of a batch of locked waiting items, in memory: each queue's (or
 * pinned agent's) available agents are read once, and every choice counts against the agent's
 * load and the queue's policy for the items chosen after it, so a batch distributes as the same
 * offers made one at a time would. Nothing is locked or written here.
 */
final class OfferChoice {

    /** An item and the agent chosen for it. */
    record Chosen(WorkItem item, String agentId) {
    }

    private final Connection c;
    private final AgentStore agents;
    private final Distribution.Round round;
    private final Instant now;
    private final Set<LocalDate> bankHolidays;
    private final Map<String, List<AgentStore.Candidate>> pools = new HashMap<>();
    private final Map<String, AgentState> current = new HashMap<>();

    OfferChoice(Connection c, AgentStore agents, Distribution.Round round, Instant now, Set<LocalDate> bankHolidays) {
        this.c = c;
        this.agents = agents;
        this.round = round;
        this.now = now;
        this.bankHolidays = bankHolidays;
    }

    /** Choices for the items that someone can take, in the items' order; the others are left out. */
    List<Chosen> choose(List<WorkItem> items, WorkStore work) throws SQLException {
        List<String> ids = items.stream().map(WorkItem::id).toList();
        Map<String, Map<String, Integer>> levels = work.requiredLevels(c, ids);
        Map<String, Set<String>> refusers = work.refusers(c, ids);
        List<Chosen> chosen = new ArrayList<>();
        for (WorkItem item : items) {
            Map<String, Integer> required = item.skillsWaived() ? Map.of() : levels.getOrDefault(item.id(), Map.of());
            Set<String> refused = refusers.getOrDefault(item.id(), Set.of());
            List<AgentState> eligible = pool(item).stream()
                    .filter(candidate -> !refused.contains(candidate.state().id()) && candidate.qualifies(required))
                    .map(candidate -> current.getOrDefault(candidate.state().id(), candidate.state()))
                    .toList();
            for (AgentState agent : round.order(item, SelectionPolicy.rank(eligible, now, bankHolidays))) {
                if (round.mayTake(agent.id(), item)) {
                    chosen.add(new Chosen(item, agent.id()));
                    current.put(agent.id(), agent.plusOffer(now));
                    round.offered(agent.id(), item);
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * Whether an agent is online with room in the queue (or is the pinned agent) of any of these
     * items, before their skills, refusals, hours and caps are weighed by {@link #choose}.
     */
    boolean anyoneMightTake(List<WorkItem> items) throws SQLException {
        for (WorkItem item : items) {
            if (!pool(item).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private List<AgentStore.Candidate> pool(WorkItem item) throws SQLException {
        String key = item.pinnedAgent() != null ? "agent " + item.pinnedAgent() : "queue " + item.queue();
        List<AgentStore.Candidate> pool = pools.get(key);
        if (pool == null) {
            pool = agents.available(c, item.queue(), item.pinnedAgent());
            pools.put(key, pool);
        }
        return pool;
    }
}
