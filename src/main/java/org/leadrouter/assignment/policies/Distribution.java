package org.leadrouter.assignment.policies;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leadrouter.assignment.agents.AgentState;
import org.leadrouter.assignment.queues.DistributionPolicy;
import org.leadrouter.assignment.queues.PolicySettings;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.queues.QueueSettings;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Applies a queue's distribution policy: the order in which the agents who can take an item are
 * tried (sticky agent first, then by the policy), and the caps that keep an agent from taking
 * more of a queue's leads in an hour or a day.
 */
@ApplicationScoped
public class Distribution {

    /** The weighted policy balances shares over this many of the queue's latest offers (its catch-up window). */
    public static final int WEIGHT_WINDOW = 100;

    private final PolicyStore store;
    private final WorkStore work;
    private final QueueCatalog queues;

    public Distribution(PolicyStore store, WorkStore work, QueueCatalog queues) {
        this.store = store;
        this.work = work;
        this.queues = queues;
    }

    /**
     * Whether the agent may take the item as far as its queue's caps go; asked under the agent's
     * lock. An escalated item is not held back by caps: its target must be able to take it.
     */
    public boolean mayTake(Connection c, String agentId, WorkItem item, Instant now) throws SQLException {
        return round(c, now).mayTake(agentId, item);
    }

    /** The policies' state for offers chosen together in one transaction; see {@link Round}. */
    public Round round(Connection c, Instant now) {
        return new Round(c, now);
    }

    /**
     * The policies' state (round-robin positions, weighted windows, kept counts of capped queues)
     * read once per queue or agent and kept up to date in memory as offers are chosen, so a batch
     * of offers is distributed as the same offers made one at a time would be.
     */
    public final class Round {

        private final Connection c;
        private final Instant now;
        private final Map<String, Optional<String>> lastOffered = new HashMap<>();
        private final Map<String, Deque<PolicyStore.Made>> latest = new HashMap<>();
        private final Map<String, int[]> keptHourDay = new HashMap<>();

        private Round(Connection c, Instant now) {
            this.c = c;
            this.now = now;
        }

        /**
         * The order to try agents in, counting the offers chosen in this round. {@code leastLoaded}
         * are the agents who can take the item now, already in least-loaded order, which also
         * breaks the ties of the other policies.
         */
        public List<AgentState> order(WorkItem item, List<AgentState> leastLoaded) throws SQLException {
            if (leastLoaded.size() < 2) {
                return leastLoaded;
            }
            PolicySettings policy = queues.settings(item.queue()).policy();
            List<AgentState> ordered = switch (policy.policy()) {
                case LEAST_LOADED -> leastLoaded;
                case ROUND_ROBIN -> afterLast(leastLoaded, lastOffered(item.queue()));
                case WEIGHTED -> belowShareFirst(leastLoaded, keptAmong(latest(item.queue())), policy);
            };
            if (policy.stickyDays() == null) {
                return ordered;
            }
            Optional<String> sticky = store.stickyAgent(c, item.id(), work.matchKeys(c, item.id()),
                    now.minus(Duration.ofDays(policy.stickyDays())));
            return sticky.map(agent -> first(ordered, agent)).orElse(ordered);
        }

        /** As {@link Distribution#mayTake}, with the offers chosen in this round counted. */
        public boolean mayTake(String agentId, WorkItem item) throws SQLException {
            PolicySettings policy = queues.settings(item.queue()).policy();
            if (item.escalated() || !policy.capped()) {
                return true;
            }
            int[] kept = kept(agentId, item.queue());
            return (policy.capPerHour() == null || kept[0] < policy.capPerHour())
                    && (policy.capPerDay() == null || kept[1] < policy.capPerDay());
        }

        /** Counts an offer chosen in this round. */
        public void offered(String agentId, WorkItem item) throws SQLException {
            PolicySettings policy = queues.settings(item.queue()).policy();
            lastOffered.put(item.queue(), Optional.of(agentId));
            if (policy.policy() == DistributionPolicy.WEIGHTED) {
                Deque<PolicyStore.Made> made = latest(item.queue());
                made.addFirst(new PolicyStore.Made(agentId, true));
                if (made.size() > WEIGHT_WINDOW) {
                    made.removeLast();
                }
            }
            if (policy.capped()) {
                int[] kept = kept(agentId, item.queue());
                kept[0]++;
                kept[1]++;
            }
        }

        private Optional<String> lastOffered(String queue) throws SQLException {
            Optional<String> last = lastOffered.get(queue);
            if (last == null) {
                last = store.lastOffered(c, queue);
                lastOffered.put(queue, last);
            }
            return last;
        }

        private Deque<PolicyStore.Made> latest(String queue) throws SQLException {
            Deque<PolicyStore.Made> made = latest.get(queue);
            if (made == null) {
                made = new ArrayDeque<>(store.latest(c, queue, WEIGHT_WINDOW));
                latest.put(queue, made);
            }
            return made;
        }

        private int[] kept(String agentId, String queue) throws SQLException {
            String key = agentId + "\n" + queue;
            int[] kept = keptHourDay.get(key);
            if (kept == null) {
                kept = new int[] {store.keptSince(c, agentId, queue, now.minus(Duration.ofHours(1))),
                        store.keptSince(c, agentId, queue, now.minus(Duration.ofDays(1)))};
                keptHourDay.put(key, kept);
            }
            return kept;
        }
    }

    private static Map<String, Integer> keptAmong(Deque<PolicyStore.Made> latest) {
        Map<String, Integer> kept = new HashMap<>();
        latest.stream().filter(PolicyStore.Made::kept).forEach(m -> kept.merge(m.agentId(), 1, Integer::sum));
        return kept;
    }

    /** The capped queues where the agent has reached a cap now: their waiting (not escalated) items are not for them. */
    public Set<String> cappedQueues(Connection c, String agentId, Instant now) throws SQLException {
        List<QueueSettings> capped = queues.configured().stream().filter(q -> q.policy().capped()).toList();
        if (capped.isEmpty()) {
            return Set.of();
        }
        Map<String, PolicyStore.Kept> kept = store.keptByQueue(c, agentId, now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofDays(1)));
        Set<String> reached = new HashSet<>();
        for (QueueSettings queue : capped) {
            PolicyStore.Kept k = kept.getOrDefault(queue.name(), PolicyStore.Kept.NONE);
            PolicySettings policy = queue.policy();
            if ((policy.capPerHour() != null && k.lastHour() >= policy.capPerHour())
                    || (policy.capPerDay() != null && k.lastDay() >= policy.capPerDay())) {
                reached.add(queue.name());
            }
        }
        return reached;
    }

    /** Agent id order, starting after the agent offered last (from the start if they are not among these). */
    static List<AgentState> afterLast(List<AgentState> agents, Optional<String> last) {
        List<AgentState> byId = agents.stream().sorted(Comparator.comparing(AgentState::id)).toList();
        int start = last.map(id -> {
            for (int i = 0; i < byId.size(); i++) {
                if (byId.get(i).id().compareTo(id) > 0) {
                    return i;
                }
            }
            return 0;
        }).orElse(0);
        List<AgentState> rotated = new ArrayList<>(byId.subList(start, byId.size()));
        rotated.addAll(byId.subList(0, start));
        return rotated;
    }

    /** Fewest kept offers per unit of weight first; the sort is stable, so equals keep the least-loaded order. */
    static List<AgentState> belowShareFirst(List<AgentState> agents, Map<String, Integer> kept, PolicySettings policy) {
        List<AgentState> sorted = new ArrayList<>(agents);
        // kept(a) / weight(a) against kept(b) / weight(b), without division
        sorted.sort((a, b) -> Long.compare((long) kept.getOrDefault(a.id(), 0) * policy.weight(b.id()),
                (long) kept.getOrDefault(b.id(), 0) * policy.weight(a.id())));
        return sorted;
    }

    private static List<AgentState> first(List<AgentState> agents, String agentId) {
        List<AgentState> reordered = new ArrayList<>(agents.size());
        agents.stream().filter(a -> a.id().equals(agentId)).forEach(reordered::add);
        agents.stream().filter(a -> !a.id().equals(agentId)).forEach(reordered::add);
        return reordered;
    }
}
