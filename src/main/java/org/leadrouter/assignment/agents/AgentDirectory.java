package org.leadrouter.assignment.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InvalidRequestException;
import org.leadrouter.problem.NotFoundException;

/** Agents: their profiles, rosters and presence; each change is announced as an {@link AgentChanged}. */
@ApplicationScoped
public class AgentDirectory {

    private final Transactions db;
    private final AgentStore store;
    private final WorkStore work;
    private final AgentValidation validation;
    private final Set<LocalDate> bankHolidays;
    private final AssignmentClock clock;
    private final Consumer<AgentChanged> changes;

    @Inject
    AgentDirectory(Transactions db, AgentStore store, WorkStore work, AgentValidation validation,
                   AssignmentConfig config, AssignmentClock clock, Event<AgentChanged> changes) {
        this(db, store, work, validation, config, clock, (Consumer<AgentChanged>) changes::fire);
    }

    /** For wiring by hand: {@code changes} is told of each change, as the event's observers are. */
    public AgentDirectory(Transactions db, AgentStore store, WorkStore work, AgentValidation validation,
                          AssignmentConfig config, AssignmentClock clock, Consumer<AgentChanged> changes) {
        this.db = db;
        this.store = store;
        this.work = work;
        this.validation = validation;
        this.bankHolidays = WorkingHours.bankHolidays(config);
        this.clock = clock;
        this.changes = changes;
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
        changes.accept(new AgentChanged(agent.id(), agent.presence()));
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
        agents.forEach(agent -> changes.accept(new AgentChanged(agent.id(), agent.presence())));
        return new RosterImported(created, agents.size() - created);
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
        changes.accept(new AgentChanged(id, value));
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
        return hours.isWorking(clock.now(), bankHolidays);
    }
}
