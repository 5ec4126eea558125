package org.leadrouter.assignment.offering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.leadrouter.assignment.AssignmentClock;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.assignment.ConflictException;
import org.leadrouter.assignment.agents.AgentState;
import org.leadrouter.assignment.agents.AgentStore;
import org.leadrouter.assignment.agents.Presence;
import org.leadrouter.assignment.agents.WorkingHours;
import org.leadrouter.assignment.policies.Distribution;
import org.leadrouter.assignment.queues.QueueCatalog;
import org.leadrouter.assignment.work.NewWork;
import org.leadrouter.assignment.work.Offer;
import org.leadrouter.assignment.work.OfferState;
import org.leadrouter.assignment.work.WorkEventKind;
import org.leadrouter.assignment.work.WorkItem;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;
import org.leadrouter.db.Transactions;
import org.leadrouter.metrics.AssignmentMetrics;
import org.leadrouter.problem.NotFoundException;

/**
 * The assignment state machine. Each step is one transaction that locks work items first and
 * then agents (in id order), so an item is never offered twice and an agent never takes more than
 * their capacity, however many threads run steps at once. A step that frees an agent or puts an
 * item back to waiting is followed by new offers in their own transactions.
 */
@ApplicationScoped
public class Assigner {

    private static final Logger LOG = Logger.getLogger(Assigner.class);

    /** Waiting items read per look for work an agent can take. */
    private static final int PAGE = 50;

    private final Transactions db;
    private final AgentStore agents;
    private final WorkStore work;
    private final QueueCatalog queues;
    private final EscalationPath escalationPath;
    private final AssignmentClock clock;
    private final AssignmentMetrics metrics;
    private final Distribution distribution;
    private final Set<LocalDate> bankHolidays;
    private final int maxAttempts;
    private final boolean awayOnTimeout;

    @Inject
    public Assigner(Transactions db, AgentStore agents, WorkStore work, QueueCatalog queues, AssignmentClock clock,
                    AssignmentConfig config, AssignmentMetrics metrics, Distribution distribution) {
        this.metrics = metrics;
        this.distribution = distribution;
        this.db = db;
        this.agents = agents;
        this.work = work;
        this.queues = queues;
        this.escalationPath = new EscalationPath(queues, agents, config.reviewQueue());
        this.clock = clock;
        this.bankHolidays = WorkingHours.bankHolidays(config);
        this.maxAttempts = Math.max(1, config.maxAttempts());
        this.awayOnTimeout = config.awayOnTimeout();
    }

    /**
     * Makes work items of routed leads, in one transaction; leads that already have one are
     * skipped. An item whose queue nobody serves goes to the queue's overflow queue (following
     * overflows while nobody serves them). Returns the ids of the items made.
     */
    public List<String> enqueue(List<NewWork> items) {
        return db.inTransaction(c -> enqueue(c, items));
    }

    /** As {@link #enqueue(List)}, inside the caller's transaction (the one recording the leads). */
    public List<String> enqueue(Connection c, List<NewWork> items) throws SQLException {
        Instant now = clock.now();
        Set<String> existing = new HashSet<>(work.existing(c, items.stream().map(NewWork::id).toList()));
        // A batch holds many leads for few queues: whether anyone serves them is one query, and
        // each queue's overflow is looked up once.
        Set<String> batchQueues = items.stream().map(NewWork::queue).collect(Collectors.toSet());
        Set<String> served = agents.served(c, batchQueues);
        Map<String, Boolean> serves = new HashMap<>();
        batchQueues.forEach(queue -> serves.put(queue, served.contains(queue)));
        Map<String, List<String>> paths = new HashMap<>();
        List<WorkStore.Placed> placed = new ArrayList<>();
        List<WorkStore.NewEvent> events = new ArrayList<>();
        for (NewWork item : items) {
            if (!existing.add(item.id())) {
                continue;
            }
            List<String> path = paths.get(item.queue());
            if (path == null) {
                path = overflowPath(c, item.queue(), serves);
                paths.put(item.queue(), path);
            }
            String queue = path.get(path.size() - 1);
            placed.add(new WorkStore.Placed(item, queue, item.routedAt().plus(queues.settings(queue).sla())));
            for (int i = 1; i < path.size(); i++) {
                events.add(new WorkStore.NewEvent(item.id(), now, WorkEventKind.OVERFLOWED, path.get(i), null, null,
                        "nobody serves " + path.get(i - 1)));
            }
        }
        work.insert(c, placed, now);
        work.events(c, events);
        return placed.stream().map(p -> p.work().id()).toList();
    }

    /** The queue, then its overflow queues while nobody serves the last; {@code serves} caches who is served. */
    private List<String> overflowPath(Connection c, String queue, Map<String, Boolean> serves) throws SQLException {
        List<String> path = new ArrayList<>(List.of(queue));
        Set<String> seen = new HashSet<>(path);
        String current = queue;
        while (!servedCached(c, current, serves)) {
            String next = queues.settings(current).overflowTo();
            if (next == null || !seen.add(next)) {
                break;
            }
            path.add(next);
            current = next;
        }
        return path;
    }

    private boolean servedCached(Connection c, String queue, Map<String, Boolean> serves) throws SQLException {
        Boolean known = serves.get(queue);
        if (known == null) {
            known = agents.anyServes(c, queue);
            serves.put(queue, known);
        }
        return known;
    }

    /** Offers a waiting item to the best agent who can take it now; empty if nobody can (it keeps waiting). */
    public Optional<Offer> offer(String workId) {
        return offer(List.of(workId)).stream().findFirst();
    }

    /**
     * Offers waiting items together, in one transaction: locks those no other step holds (in id
     * order), chooses an agent for each in memory ({@link OfferChoice}), then locks the chosen
     * agents in id order, re-checks each under its lock (room, presence, hours, caps) and writes
     * every offer, item, load and event in JDBC batches. Items nobody can take keep waiting.
     */
    public List<Offer> offer(List<String> workIds) {
        if (workIds.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> offer(c, workIds));
    }

    /** As {@link #offer(List)}, inside the caller's transaction (the one recording the leads). */
    public List<Offer> offer(Connection c, List<String> workIds) throws SQLException {
        if (workIds.isEmpty()) {
            return List.of();
        }
        // At a peak with every agent full, or at night with nobody online, intake is busiest while
        // nobody can take anything: one read of the roster spares reading each batch's items back.
        if (!agents.anyoneWithRoom(c)) {
            return List.of();
        }
        Instant now = clock.now();
        OfferChoice choice = new OfferChoice(c, agents, distribution.round(c, now), now, bankHolidays);
        // H2 writes a row lock as a new version of the row: locking items that no agent has room for
        // (none online, or all full) would rewrite their pages at the commit for nothing.
        if (!choice.anyoneMightTake(work.waiting(c, workIds))) {
            return List.of();
        }
        List<WorkItem> items = work.lockWaiting(c, workIds);
        if (items.isEmpty()) {
            return List.of();
        }
        return makeOffers(c, confirmed(c, choice.choose(items, work), now), now);
    }

    /** The choices that still hold with the chosen agents locked, in id order so concurrent steps cannot deadlock. */
    private List<OfferChoice.Chosen> confirmed(Connection c, List<OfferChoice.Chosen> chosen, Instant now)
            throws SQLException {
        Map<String, AgentState> locked = new HashMap<>();
        for (String agentId : chosen.stream().map(OfferChoice.Chosen::agentId).distinct().sorted().toList()) {
            agents.lock(c, agentId).ifPresent(agent -> locked.put(agentId, agent));
        }
        Distribution.Round caps = distribution.round(c, now);
        List<OfferChoice.Chosen> confirmed = new ArrayList<>();
        for (OfferChoice.Chosen choice : chosen) {
            AgentState agent = locked.get(choice.agentId());
            if (agent != null && agent.canTakeWork(now, bankHolidays) && caps.mayTake(agent.id(), choice.item())) {
                confirmed.add(choice);
                locked.put(agent.id(), agent.plusOffer(now));
                caps.offered(agent.id(), choice.item());
            }
        }
        return confirmed;
    }

    /** Offers the agent the next waiting items they can take, until they are full or none is left. */
    public int fill(String agentId) {
        int made = 0;
        while (db.inTransaction(c -> fillOne(c, agentId))) {
            made++;
        }
        return made;
    }

    private boolean fillOne(Connection c, String agentId) throws SQLException {
        Instant now = clock.now();
        Optional<AgentState> agent = agents.state(c, agentId);
        if (agent.isEmpty() || !agent.get().canTakeWork(now, bankHolidays)) {
            return false;
        }
        for (String id : work.waitingFor(c, agentId, PAGE, distribution.cappedQueues(c, agentId, now))) {
            Optional<WorkItem> item = work.lockIfFree(c, id);
            if (item.isEmpty() || !item.get().state().isWaiting() || !stillQualifies(c, item.get(), agentId)) {
                continue;
            }
            Optional<AgentState> locked = agents.lock(c, agentId);
            if (locked.isEmpty() || !locked.get().canTakeWork(now, bankHolidays)) {
                return false;
            }
            if (!distribution.mayTake(c, agentId, item.get(), now)) {
                continue; // reached the cap since the list was read
            }
            makeOffers(c, List.of(new OfferChoice.Chosen(item.get(), agentId)), now);
            return true;
        }
        return false;
    }

    /**
     * The waiting list was read before the item was locked: meanwhile the agent may have refused
     * it (offered and declined on another thread) or it may have been escalated to another queue.
     * Asked again under the item's lock, where refusals and moves are made.
     */
    private boolean stillQualifies(Connection c, WorkItem item, String agentId) throws SQLException {
        return agents.candidates(c, item.id(), item.queue(), item.pinnedAgent(), item.skillsWaived()).stream()
                .anyMatch(candidate -> candidate.id().equals(agentId));
    }

    /** Writes offers of locked items to locked agents: one JDBC batch per table. */
    private List<Offer> makeOffers(Connection c, List<OfferChoice.Chosen> chosen, Instant now) throws SQLException {
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<WorkStore.NewOffer> offers = chosen.stream().map(choice -> new WorkStore.NewOffer(choice.item().id(),
                choice.item().segment(), choice.agentId(), choice.item().queue(),
                now.plus(queues.settings(choice.item().queue()).pushTimeout())))
                .toList();
        List<Long> ids = work.insertOffers(c, offers, now);
        Map<String, Integer> perAgent = new HashMap<>();
        offers.forEach(offer -> perAgent.merge(offer.agentId(), 1, Integer::sum));
        agents.addOffered(c, perAgent, now);
        List<WorkStore.NewEvent> events = new ArrayList<>();
        List<Offer> made = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            WorkStore.NewOffer offer = offers.get(i);
            events.add(new WorkStore.NewEvent(offer.workId(), now, WorkEventKind.OFFERED, offer.queue(), offer.agentId(),
                    ids.get(i), null));
            made.add(new Offer(ids.get(i), offer.workId(), offer.agentId(), offer.queue(), OfferState.OPEN, null, null, now,
                    offer.expiresAt(), null));
            metrics.offerMade(offer.queue());
        }
        work.events(c, events);
        return made;
    }

    public Offer accept(long offerId) {
        Accepted accepted = db.inTransaction(c -> {
            Instant now = clock.now();
            Offer offer = lockOpenOffer(c, offerId);
            if (!now.isBefore(offer.expiresAt())) {
                throw new ConflictException("offer " + offerId + " expired at " + offer.expiresAt());
            }
            work.closeOffer(c, offerId, OfferState.ACCEPTED, null, null, now);
            work.markAccepted(c, offer.workId(), offer.agentId(), now);
            work.event(c, offer.workId(), now, WorkEventKind.ACCEPTED, offer.queue(), offer.agentId(), offerId, null);
            return new Accepted(work.offer(c, offerId).orElseThrow(), work.find(c, offer.workId()).orElseThrow(), now);
        });
        metrics.offerClosed(accepted.offer().queue(), "accepted");
        metrics.accepted(accepted.item().segment(), accepted.offer().queue(),
                Duration.between(accepted.item().receivedAt(), accepted.at()));
        return accepted.offer();
    }

    private record Accepted(Offer offer, WorkItem item, Instant at) {
    }

    /** Declined with a reason code (one of leadrouter.assignment.decline-reasons) and optional free text. */
    public Offer decline(long offerId, String code, String note) {
        Offer declined = db.inTransaction(c -> close(c, lockOpenOffer(c, offerId), OfferState.DECLINED, code, note));
        afterClose(declined);
        return declined;
    }

    /** Closes an open offer whose push timeout has passed; false if it was already closed or is not due. */
    public boolean expire(long offerId) {
        Offer expired = db.inTransaction(c -> {
            Optional<Offer> offer = work.offer(c, offerId);
            if (offer.isEmpty() || work.lock(c, offer.get().workId()).isEmpty()) {
                return null;
            }
            Offer current = work.offer(c, offerId).orElseThrow();
            if (current.state() != OfferState.OPEN || clock.now().isBefore(current.expiresAt())) {
                return null;
            }
            return close(c, current, OfferState.TIMED_OUT, null, "not accepted within the push timeout");
        });
        if (expired == null) {
            return false;
        }
        afterClose(expired);
        return true;
    }

    /** Takes back an agent's open offers without counting them against the item (the agent went offline). */
    public void withdrawOpenOffers(String agentId) {
        List<Offer> open = db.inTransaction(c -> work.openOffersOf(c, agentId));
        for (Offer offer : open) {
            Offer withdrawn = db.inTransaction(c -> {
                work.lock(c, offer.workId());
                Offer current = work.offer(c, offer.id()).orElseThrow();
                return current.state() == OfferState.OPEN ? close(c, current, OfferState.WITHDRAWN, null, "agent went offline") : null;
            });
            if (withdrawn != null) {
                metrics.offerClosed(withdrawn.queue(), "withdrawn");
                offer(withdrawn.workId());
            }
        }
    }

    /**
     * An open offer closed without acceptance: the agent's unit is freed and the item waits again,
     * or is escalated once refused {@code maxAttempts} times or by every agent eligible for it; an
     * escalated item refused by its escalation step's last eligible agent moves on along its
     * escalation path. Runs under the item's lock.
     */
    private Offer close(Connection c, Offer offer, OfferState state, String code, String reason) throws SQLException {
        Instant now = clock.now();
        boolean refused = state == OfferState.DECLINED || state == OfferState.TIMED_OUT;
        work.closeOffer(c, offer.id(), state, code, reason, now);
        agents.lock(c, offer.agentId());
        agents.addLoad(c, offer.agentId(), -1, null);
        if (state == OfferState.TIMED_OUT && awayOnTimeout) {
            agents.setPresence(c, offer.agentId(), Presence.AWAY, now);
        }
        work.requeue(c, offer.workId(), refused);
        work.event(c, offer.workId(), now, WorkEventKind.valueOf(state.name()), offer.queue(), offer.agentId(),
                offer.id(), reason);
        WorkItem item = work.find(c, offer.workId()).orElseThrow();
        if (refused && item.escalated()) {
            escalate(c, item, "refused by " + offer.agentId() + " at its escalation step", now);
        } else if (refused && item.attempts() >= maxAttempts) {
            escalate(c, item, "refused by " + item.attempts() + " agents", now);
        } else if (refused && !agents.anyoneEligible(c, item.id(), item.queue(), item.pinnedAgent(), item.skillsWaived())) {
            // Waiting for its SLA would be waiting for nobody: every eligible agent has refused it.
            escalate(c, item, "refused by every eligible agent of " + item.queue(), now);
        }
        return work.offer(c, offer.id()).orElseThrow();
    }

    /** After an offer closed: the item looks for another agent, and the agent (freed) for other work. */
    private void afterClose(Offer closed) {
        metrics.offerClosed(closed.queue(), closed.state().name().toLowerCase(java.util.Locale.ROOT));
        offer(closed.workId());
        fill(closed.agentId());
    }

    public WorkItem complete(String workId) {
        WorkItem done = db.inTransaction(c -> {
            Instant now = clock.now();
            WorkItem item = work.lock(c, workId).orElseThrow(() -> new NotFoundException("work item", workId));
            if (item.state() != WorkState.ACCEPTED) {
                throw new ConflictException("work item " + workId + " is " + item.state() + "; only ACCEPTED work can be completed");
            }
            work.markCompleted(c, workId, now);
            agents.lock(c, item.agentId());
            agents.addLoad(c, item.agentId(), -1, null);
            work.event(c, workId, now, WorkEventKind.COMPLETED, item.queue(), item.agentId(), null, null);
            return work.find(c, workId).orElseThrow();
        });
        fill(done.agentId());
        return done;
    }

    /** Escalates waiting items past their SLA; returns how many. */
    public int escalateBreaches(int limit) {
        List<String> due = db.inTransaction(c -> work.slaBreached(c, clock.now(), limit));
        int escalated = 0;
        for (String id : due) {
            boolean done = db.inTransaction(c -> {
                Instant now = clock.now();
                Optional<WorkItem> item = work.lockIfFree(c, id);
                if (item.isEmpty() || item.get().state() != WorkState.WAITING || now.isBefore(item.get().slaDueAt())) {
                    return false;
                }
                escalate(c, item.get(), "SLA breached: not accepted by " + item.get().slaDueAt(), now);
                return true;
            });
            if (done) {
                escalated++;
                offer(id);
            }
        }
        return escalated;
    }

    /**
     * To the first step of the escalation path where someone could still be offered the item: the
     * queue's target (a manager queue or one agent, skills waived: the manager decides; with no
     * target, its own queue), else further along. Nothing changes while the item's current step
     * is still open. Passing over a step is logged, and alerted while the item waits (WorkStore#passedOver).
     */
    private void escalate(Connection c, WorkItem item, String reason, Instant now) throws SQLException {
        String from = item.escalated() && item.escalatedFrom() != null ? item.escalatedFrom() : item.queue();
        List<EscalationPath.Step> steps = escalationPath.steps(c, from);
        int step = escalationPath.firstOpen(c, item.id(), steps);
        if (item.escalated() && step == item.escalationStep()) {
            return;
        }
        EscalationPath.Step to = steps.get(step);
        work.markEscalated(c, item.id(), from, step, to.queue(), to.pinnedAgent(), to.skillsWaived(), reason, now);
        String passed = step == 0 ? "" : " (passed over, every eligible agent refused it: "
                + steps.subList(0, step).stream().map(EscalationPath.Step::label).collect(Collectors.joining(", ")) + ")";
        work.event(c, item.id(), now, WorkEventKind.ESCALATED, to.queue(), to.pinnedAgent(), null,
                reason + " -> " + to.label() + passed);
        if (step > 0) {
            LOG.warnf("work item %s escalated from %s past its target to %s%s", item.id(), from, to.label(), passed);
        }
    }

    private Offer lockOpenOffer(Connection c, long offerId) throws SQLException {
        Offer offer = work.offer(c, offerId).orElseThrow(() -> new NotFoundException("offer", Long.toString(offerId)));
        work.lock(c, offer.workId());
        // Re-read under the item's lock: every change to an offer is made holding it.
        Offer current = work.offer(c, offerId).orElseThrow();
        if (current.state() != OfferState.OPEN) {
            throw new ConflictException("offer " + offerId + " is " + current.state() + ", no longer open");
        }
        return current;
    }
}
