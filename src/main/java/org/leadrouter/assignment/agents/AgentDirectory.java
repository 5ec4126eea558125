package org.leadrouter.assignment.agents;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.db.Transactions;
import org.leadrouter.assignment.NotFoundException;
import org.leadrouter.assignment.work.Assigner;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;

/** Agents: their profiles, rosters and presence, and the offers that follow a change. */
@ApplicationScoped
public class AgentDirectory {

    private final Transactions db;
    private final AgentStore store;
    private final WorkStore work;
    private final AgentValidation validation;
    private final Assigner assigner;
    private final AssignmentClock clock;

    public AgentDirectory(Transactions db, AgentStore store, WorkStore work, AgentValidation validation,
                          Assigner assigner, AssignmentClock clock) {
        this.db = db;
        this.store = store;
        this.work = work;
        this.validation = validation;
        this.assigner = assigner;
        this.clock = clock;
    }

    public AgentView find(String id) {
        return db.inTransaction(c -> store.find(c, id, this::isWorking)).orElseThrow(() -> new NotFoundException("agent", id));
    }

    public List<AgentView> list() {
        return db.inTransaction(c -> store.list(c, this::isWorking));
    }

    /** Creates or replaces an agent; true if created. */
    public boolean save(String id, AgentProfile profile) {
        List<FieldProblem> problems = new ArrayList<>();
        if (profile != null && profile.id() != null && !profile.id().equals(id)) {
            problems.add(new FieldProblem("id", "'" + profile.id() + "' differs from the path's '" + id + "'"));
        }
        Agent agent = validation.validate(id, profile, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the agent is not valid", problems);
        }
        boolean created = db.inTransaction(c -> store.save(c, agent, clock.now()));
        afterSave(agent);
        return created;
    }

    /** Validates the whole roster first, then saves it in one transaction: all of it or none. */
    public RosterImported importRoster(String body, boolean csv) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Agent> agents = new ArrayList<>();
        for (RosterParser.Entry entry : RosterParser.parse(body, csv)) {
            Agent agent = validation.validate(entry.profile().id(), entry.profile(), entry.prefix(), problems);
            if (agent != null) {
                agents.add(agent);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the roster has bad entries; nothing was imported", problems);
        }
        int created = db.inTransaction(c -> {
            int fresh = 0;
            for (Agent agent : agents) {
                fresh += store.save(c, agent, clock.now()) ? 1 : 0;
            }
            return fresh;
        });
        agents.forEach(this::afterSave);
        return new RosterImported(created, agents.size() - created);
    }

    /** A profile saved OFFLINE gives its open offers back, as a presence change to OFFLINE does. */
    private void afterSave(Agent agent) {
        if (agent.presence() == Presence.OFFLINE) {
            assigner.withdrawOpenOffers(agent.id());
        } else {
            assigner.fill(agent.id());
        }
    }

    public record RosterImported(int created, int updated) {
    }

    public AgentView setPresence(String id, String presence) {
        List<FieldProblem> problems = new ArrayList<>();
        Presence value = AgentValidation.presence(presence, "presence", problems);
        if (value == null) {
            throw new InvalidRequestException("the presence is not valid", problems);
        }
        boolean known = db.inTransaction(c -> {
            if (store.lock(c, id).isEmpty()) {
                return false;
            }
            store.setPresence(c, id, value, clock.now());
            return true;
        });
        if (!known) {
            throw new NotFoundException("agent", id);
        }
        if (value == Presence.OFFLINE) {
            assigner.withdrawOpenOffers(id);
        } else if (value == Presence.ONLINE) {
            assigner.fill(id);
        }
        return find(id);
    }

    public List<Offer> openOffers(String id) {
        return db.inTransaction(c -> {
            if (store.state(c, id).isEmpty()) {
                throw new NotFoundException("agent", id);
            }
            return work.openOffersOf(c, id);
        });
    }

    private boolean isWorking(WorkingHours hours) {
        return hours.isWorking(clock.now(), assigner.bankHolidays());
    }
}
