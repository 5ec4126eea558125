package org.leadrouter.assignment.offering;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.ConflictException;
import org.leadrouter.assignment.agents.AgentState;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.policies.Distribution;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.OfferState;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;
import org.leadrouter.metrics.AssignmentMetrics;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.NotFoundException;

/**
 * What supervisors do by hand (transfer, assign, reassign, release) and an agent's pull, each one
 * transaction under the item's lock like every assignment step, and each recorded in the item's
 * history with who did it. An agent given work by hand gets it only below capacity.
 */
@ApplicationScoped
public class Supervision {

    /** Waiting items read per pull. */
    private static final int PAGE = 50;

    private final Transactions db;
    private final WorkStore work;
    private final AgentStore agents;
    private final QueueCatalog queues;
    private final Assigner assigner;
    private final AssignmentClock clock;
    private final AssignmentMetrics metrics;
    private final Distribution distribution;

    public Supervision(Transactions db, WorkStore work, AgentStore agents, QueueCatalog queues, Assigner assigner,
                       AssignmentClock clock, AssignmentMetrics metrics, Distribution distribution) {
        this.db = db;
        this.work = work;
        this.agents = agents;
        this.queues = queues;
        this.assigner = assigner;
        this.clock = clock;
        this.metrics = metrics;
        this.distribution = distribution;
    }

    /**
     * To another queue ({@code agentId} null), or to one agent alone, skills waived ({@code queue}
     * null): an open offer is withdrawn or accepted work taken back, and the item waits there afresh
     * (new SLA, refusal count and escalation path) and is offered at once if someone can take it.
     */
    public WorkItem transfer(String id, String queue, String agentId, String actor) {
        return act(id, c -> {
            Instant now = clock.now();
            WorkItem item = lockUnfinished(c, id);
            if (agentId != null) {
                requireAgent(c, agentId);
            }
            Taken taken = takeBack(c, item, actor, now);
            String to = queue != null ? queue : item.queue();
            work.place(c, id, to, agentId, agentId != null, now.plus(queues.settings(to).sla()));
            record(c, id, now, WorkEventKind.TRANSFERRED, to, agentId, "from " + where(item), actor);
            return taken;
        });
    }

    /** Back to the queue it was escalated from, to wait afresh with its skills required again. */
    public WorkItem release(String id, String actor) {
        return act(id, c -> {
            Instant now = clock.now();
            WorkItem item = lockUnfinished(c, id);
            if (!item.escalated() || item.state() == WorkState.ACCEPTED) {
                throw new ConflictException("work item " + id + " is " + item.state()
                        + (item.escalated() ? "" : ", not escalated") + "; only escalated work not yet accepted can be released");
            }
            Taken taken = takeBack(c, item, actor, now);
            String home = item.escalatedFrom() != null ? item.escalatedFrom() : item.routedQueue();
            work.place(c, id, home, null, false, now.plus(queues.settings(home).sla()));
            record(c, id, now, WorkEventKind.RELEASED, home, null, "from " + where(item), actor);
            return taken;
        });
    }

    /** Work not yet accepted (waiting, escalated or offered) given to the agent as accepted work. */
    public WorkItem assign(String id, String agentId, String actor) {
        return act(id, c -> {
            Instant now = clock.now();
            WorkItem item = lockUnfinished(c, id);
            if (item.state() == WorkState.ACCEPTED) {
                throw new ConflictException("work item " + id + " is already accepted by " + item.agentId() + "; reassign it");
            }
            return handOver(c, item, agentId, WorkEventKind.ASSIGNED, actor, now);
        });
    }

    /** Accepted work moved to another agent. */
    public WorkItem reassign(String id, String agentId, String actor) {
        return act(id, c -> {
            Instant now = clock.now();
            WorkItem item = lockUnfinished(c, id);
            if (item.state() != WorkState.ACCEPTED) {
                throw new ConflictException("work item " + id + " is " + item.state() + "; only ACCEPTED work can be reassigned");
            }
            if (item.agentId().equals(agentId)) {
                throw new ConflictException("work item " + id + " is already held by " + agentId);
            }
            return handOver(c, item, agentId, WorkEventKind.REASSIGNED, actor, now);
        });
    }

    /**
     * The next waiting item the agent qualifies for (in the waiting order, never one they refused),
     * as accepted work, whatever their presence and hours; empty when there is none.
     */
    public Optional<WorkItem> pull(String agentId, String actor) {
        return db.inTransaction(c -> {
            Instant now = clock.now();
            AgentState agent = agents.state(c, agentId).orElseThrow(() -> new NotFoundException("agent", agentId));
            requireRoom(agent);
            // A pull takes what the agent could be offered: not from a queue where they reached their cap.
            for (String id : work.waitingFor(c, agentId, PAGE, distribution.cappedQueues(c, agentId, now))) {
                Optional<WorkItem> item = work.lockIfFree(c, id);
                if (item.isPresent() && item.get().state().isWaiting() && agents.qualifies(c, agentId, id,
                        item.get().queue(), item.get().pinnedAgent(), item.get().skillsWaived())) {
                    handOver(c, item.get(), agentId, WorkEventKind.PULLED, actor, now);
                    return work.find(c, id);
                }
            }
            return Optional.empty();
        });
    }

    /** What taking the item back freed: the agent who held it and the offer withdrawn from them, if any. */
    private record Taken(String agent, Offer withdrawn) {

        static final Taken NOTHING = new Taken(null, null);
    }

    @FunctionalInterface
    private interface Step {
        Taken run(Connection c) throws SQLException;
    }

    /** Runs the step; then the freed agent looks for other work and the item for an agent. */
    private WorkItem act(String id, Step step) {
        Taken taken = db.inTransaction(step::run);
        if (taken.withdrawn() != null) {
            metrics.offerClosed(taken.withdrawn().queue(), "withdrawn");
        }
        if (taken.agent() != null) {
            assigner.fill(taken.agent());
        }
        assigner.offer(id);
        return db.inTransaction(c -> work.find(c, id)).orElseThrow();
    }

    private Taken handOver(Connection c, WorkItem item, String agentId, WorkEventKind kind, String actor, Instant now)
            throws SQLException {
        // Two agents' rows in one step: locked in id order, so two hand-overs between the same agents cannot deadlock.
        Set<String> ids = new TreeSet<>(List.of(agentId));
        if (item.agentId() != null) {
            ids.add(item.agentId());
        }
        for (String agent : ids) {
            agents.lock(c, agent);
        }
        Taken taken = takeBack(c, item, actor, now);
        AgentState to = requireAgent(c, agentId);
        requireRoom(to);
        agents.addLoad(c, agentId, 1, now);
        work.markAccepted(c, item.id(), agentId, now);
        record(c, item.id(), now, kind, item.queue(), agentId,
                item.agentId() == null ? "from " + where(item) : "from " + item.agentId(), actor);
        return taken.agent() != null && taken.agent().equals(agentId) ? new Taken(null, taken.withdrawn()) : taken;
    }

    /** Withdraws the item's open offer or takes accepted work back: the agent's unit is freed. */
    private Taken takeBack(Connection c, WorkItem item, String actor, Instant now) throws SQLException {
        Offer withdrawn = null;
        if (item.state() == WorkState.OFFERED) {
            withdrawn = work.openOfferOf(c, item.id()).orElseThrow();
            work.closeOffer(c, withdrawn.id(), OfferState.WITHDRAWN, null, "taken back by " + actor, now);
            work.events(c, List.of(new WorkStore.NewEvent(item.id(), now, WorkEventKind.WITHDRAWN, item.queue(),
                    item.agentId(), withdrawn.id(), "taken back by a supervisor", actor)));
        } else if (item.state() != WorkState.ACCEPTED) {
            return Taken.NOTHING;
        }
        agents.lock(c, item.agentId());
        agents.addLoad(c, item.agentId(), -1, null);
        return new Taken(item.agentId(), withdrawn);
    }

    private WorkItem lockUnfinished(Connection c, String id) throws SQLException {
        WorkItem item = work.lock(c, id).orElseThrow(() -> new NotFoundException("work item", id));
        if (item.state() == WorkState.COMPLETED) {
            throw new ConflictException("work item " + id + " is COMPLETED");
        }
        return item;
    }

    private AgentState requireAgent(Connection c, String agentId) throws SQLException {
        return agents.state(c, agentId).orElseThrow(() -> new InvalidRequestException("no such agent",
                List.of(new FieldProblem("agent", "no agent with id '" + agentId + "'"))));
    }

    private static void requireRoom(AgentState agent) {
        if (agent.load() >= agent.capacity()) {
            throw new ConflictException("agent " + agent.id() + " holds " + agent.load() + " of " + agent.capacity()
                    + " units: no room");
        }
    }

    private void record(Connection c, String id, Instant now, WorkEventKind kind, String queue, String agentId,
                        String detail, String actor) throws SQLException {
        work.events(c, List.of(new WorkStore.NewEvent(id, now, kind, queue, agentId, null, detail, actor)));
    }

    private static String where(WorkItem item) {
        return item.pinnedAgent() != null ? "agent:" + item.pinnedAgent() + " in queue:" + item.queue() : "queue:" + item.queue();
    }
}
