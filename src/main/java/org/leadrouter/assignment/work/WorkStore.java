package org.leadrouter.assignment.work;

import static org.leadrouter.db.SqlLists.ids;
import static org.leadrouter.db.SqlLists.setArray;
import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;
import static org.leadrouter.db.Timestamps.setParameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Work items, their offers and their history. Every method works inside the caller's transaction. */
@ApplicationScoped
public class WorkStore {

    private static final TypeReference<LinkedHashMap<String, Integer>> SKILLS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashSet<String>> KEYS = new TypeReference<>() {
    };
    /** {@link WorkState#WAITING_STATES} as a condition on a work item's state column. */
    public static final String WAITING = "state IN ('WAITING', 'ESCALATED')";
    static final String PASSED_OVER = """
            SELECT escalated_from, COUNT(*) AS n, MIN(escalated_at) AS since FROM work_items
            WHERE state IN ('OFFERED', 'ESCALATED') AND escalation_step > 0
            GROUP BY escalated_from ORDER BY escalated_from""";
    /** The waiting order: most urgent priority (1) first, then highest score, then oldest. Not FIFO. */
    public static final String WAITING_ORDER = "ORDER BY w.priority, w.score DESC, w.created_at, w.id";

    /** The QUEUED event's detail for an item routed by its segment's fallback. */
    private static final String FALLBACK_ROUTE = "fallback route";

    private final ObjectMapper json = new ObjectMapper();

    /** A new item, already placed in its final queue (after any overflow). */
    public record Placed(NewWork work, String queue, Instant slaDueAt) {
    }

    /** New items in one JDBC batch: intake hands them over a few hundred at a time. */
    public void insert(Connection c, List<Placed> items, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                    routing_rule, fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at, match_keys)
                VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, 'WAITING', 0, FALSE, ?, ?, ?, ?, ?)""");
             PreparedStatement skills = c.prepareStatement("INSERT INTO work_skills (work_id, skill, level) VALUES (?, ?, ?)")) {
            boolean anySkill = false;
            for (Placed placed : items) {
                NewWork work = placed.work();
                insert.setString(1, work.id());
                insert.setString(2, work.segment());
                insert.setString(3, work.queue());
                insert.setString(4, placed.queue());
                insert.setString(5, writeJson(work.requiredSkills()));
                insert.setInt(6, work.priority());
                insert.setInt(7, work.score());
                insert.setString(8, work.routingRule());
                insert.setBoolean(9, work.fallback());
                setInstant(insert, 10, work.receivedAt());
                setInstant(insert, 11, work.routedAt());
                setInstant(insert, 12, now);
                setInstant(insert, 13, placed.slaDueAt());
                insert.setString(14, work.matchKeys().isEmpty() ? null : writeJson(work.matchKeys()));
                insert.addBatch();
                for (Map.Entry<String, Integer> skill : work.requiredSkills().entrySet()) {
                    skills.setString(1, work.id());
                    skills.setString(2, skill.getKey());
                    skills.setInt(3, skill.getValue());
                    skills.addBatch();
                    anySkill = true;
                }
            }
            insert.executeBatch();
            if (anySkill) {
                skills.executeBatch();
            }
        }
    }

    /** Asked with each batch of leads; it must seek the primary key (ExistingItemsPlanTest). */
    static final String EXISTING = "SELECT id FROM work_items WHERE id = ANY(?)";

    /** Which of these ids already have a work item; one query however many. */
    public Set<String> existing(Connection c, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement select = c.prepareStatement(EXISTING)) {
            setArray(select, 1, ids);
            Set<String> found = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }

    public Optional<WorkItem> find(Connection c, String id) throws SQLException {
        return item(c, "SELECT * FROM work_items WHERE id = ?", id);
    }

    /** Locks the item, waiting for whoever holds it. */
    public Optional<WorkItem> lock(Connection c, String id) throws SQLException {
        return item(c, "SELECT * FROM work_items WHERE id = ? FOR UPDATE", id);
    }

    /** Locks the item unless another transaction holds it (then empty: that one is dealing with it). */
    public Optional<WorkItem> lockIfFree(Connection c, String id) throws SQLException {
        return item(c, "SELECT * FROM work_items WHERE id = ? FOR UPDATE SKIP LOCKED", id);
    }

    /**
     * Locks those of these items that are waiting and that no other transaction holds (skipped, as
     * that one is dealing with them), in id order; returned in the waiting order.
     */
    public List<WorkItem> lockWaiting(Connection c, Collection<String> ids) throws SQLException {
        return waiting(c, ids, " ORDER BY w.id FOR UPDATE SKIP LOCKED");
    }

    /** Those of these items that are waiting, not locked, in the waiting order. */
    public List<WorkItem> waiting(Connection c, Collection<String> ids) throws SQLException {
        return waiting(c, ids, "");
    }

    private List<WorkItem> waiting(Connection c, Collection<String> ids, String lock) throws SQLException {
        List<String> byId = ids.stream().distinct().sorted().toList();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM work_items w WHERE w.id = ANY(?) AND w." + WAITING + lock)) {
            setArray(select, 1, byId);
            List<WorkItem> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(item(rows));
                }
            }
            found.sort(IN_WAITING_ORDER);
            return found;
        }
    }

    /** {@link #WAITING_ORDER} in memory. */
    private static final Comparator<WorkItem> IN_WAITING_ORDER = Comparator.comparingInt(WorkItem::priority)
            .thenComparing(Comparator.comparingInt(WorkItem::score).reversed())
            .thenComparing(WorkItem::createdAt).thenComparing(WorkItem::id);

    /** Per item, the skill levels it requires now (after any relaxation); items requiring none are absent. */
    public Map<String, Map<String, Integer>> requiredLevels(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Map<String, Integer>> levels = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT work_id, skill, level FROM work_skills WHERE work_id = ANY(?)")) {
            setArray(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    levels.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getInt(3));
                }
            }
        }
        return levels;
    }

    /** Per item, the agents who declined it or let it time out; items nobody refused are absent. */
    public Map<String, Set<String>> refusers(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Set<String>> refused = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT work_id, agent_id FROM offers WHERE work_id = ANY(?)"
                + " AND state IN ('DECLINED', 'TIMED_OUT')")) {
            setArray(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    refused.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(rows.getString(2));
                }
            }
        }
        return refused;
    }

    /**
     * Waiting items this agent may take, in the waiting order: in a queue they serve (or pinned
     * to them), every required skill at its level (unless waived), not refused by them before,
     * and, unless escalated, not in {@code skipQueues} (queues where the agent reached a cap).
     * Read without locks; the caller locks the one it picks.
     */
    public List<String> waitingFor(Connection c, String agentId, int limit, Set<String> skipQueues) throws SQLException {
        // With no capped queue the array is empty and <> ALL holds for every queue.
        String sql = "SELECT w.id FROM work_items w WHERE w." + WAITING + """
                 AND (w.escalated OR w.queue <> ALL(?))
                 AND ((w.pinned_agent IS NULL AND w.queue IN (SELECT q.queue FROM agent_queues q WHERE q.agent_id = ?))
                      OR w.pinned_agent = ?)
                 AND (w.skills_waived OR NOT EXISTS (SELECT 1 FROM work_skills ws WHERE ws.work_id = w.id AND NOT EXISTS (
                      SELECT 1 FROM agent_skills s WHERE s.agent_id = ? AND s.skill = ws.skill AND s.level >= ws.level)))
                 AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.work_id = w.id AND o.agent_id = ?
                      AND o.state IN ('DECLINED', 'TIMED_OUT'))
                """ + WAITING_ORDER + " LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            setArray(select, 1, skipQueues);
            int i = 2;
            for (int n = 0; n < 4; n++) {
                select.setString(i++, agentId);
            }
            select.setInt(i, limit);
            return ids(select);
        }
    }

    /** Leads recorded at or after {@code since}, and since assignment was installed, that have no item. */
    public List<String> leadsWithoutItem(Connection c, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.id FROM leads l
                WHERE l.recorded_at >= (SELECT since FROM assignment_meta WHERE name = 'installed')
                  AND l.recorded_at >= ?
                  AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.id = l.id)""")) {
            setInstant(select, 1, since);
            return ids(select);
        }
    }

    /** Since when recorded leads may lack their item because making it in their transaction failed; empty if none may. */
    public Optional<Instant> unmadeSince(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT since FROM assignment_meta WHERE name = 'unmade'");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(instant(rows, "since")) : Optional.empty();
        }
    }

    /** Notes that leads recorded at or after {@code since} may lack their item; an earlier note stands. */
    public void markUnmade(Connection c, Instant since) throws SQLException {
        Optional<Instant> noted = unmadeSince(c);
        if (noted.isEmpty()) {
            update(c, "INSERT INTO assignment_meta (name, since) VALUES ('unmade', ?)", since);
        } else if (since.isBefore(noted.get())) {
            update(c, "UPDATE assignment_meta SET since = ? WHERE name = 'unmade'", since);
        }
    }

    /** Forgets the note once every lead recorded since {@code repairedFrom} has its item (a note from earlier stays). */
    public void clearUnmade(Connection c, Instant repairedFrom) throws SQLException {
        update(c, "DELETE FROM assignment_meta WHERE name = 'unmade' AND since >= ?", repairedFrom);
    }

    /** Items still waiting, never escalated, whose SLA is breached. */
    public List<String> slaBreached(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM work_items WHERE state = 'WAITING' AND sla_due_at <= ? ORDER BY sla_due_at LIMIT ?")) {
            setInstant(select, 1, now);
            select.setInt(2, limit);
            return ids(select);
        }
    }

    /**
     * Items waiting or offered past their escalation path's first step (its target refused them), per
     * queue escalated from. An escalated item waits as ESCALATED, never as WAITING (only a placement by
     * hand makes it WAITING again, and that resets its path), so the question seeks the two states in
     * work_items_sla instead of reading every waiting item: the alert monitor asks it every 30 s.
     */
    public List<PassedOver> passedOver(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PASSED_OVER);
             ResultSet rows = select.executeQuery()) {
            List<PassedOver> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new PassedOver(rows.getString("escalated_from"), rows.getLong("n"), instant(rows, "since")));
            }
            return found;
        }
    }

    /**
     * Held by the agent: by accepting an offer, or assigned, reassigned or pulled (first acceptance
     * time kept). At the first acceptance the item's match keys are written where sticky routing
     * looks them up (work_match_keys): only accepted items are ever looked up there, so intake
     * keeps them in the item's row and leaves those rows, and their indexes, to the acceptances.
     */
    public void markAccepted(Connection c, String id, String agentId, Instant now) throws SQLException {
        Optional<Set<String>> firstKeys = keysIfNeverAccepted(c, id);
        update(c, "UPDATE work_items SET state = 'ACCEPTED', agent_id = ?, accepted_at = COALESCE(accepted_at, ?) WHERE id = ?",
                agentId, now, id);
        if (firstKeys.isPresent() && !firstKeys.get().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO work_match_keys (work_id, match_key) VALUES (?, ?)")) {
                for (String key : firstKeys.get()) {
                    insert.setString(1, id);
                    insert.setString(2, key);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * The item's sticky-routing keys (see {@link MatchKeys}), empty when it has none. Items recorded
     * before their row held the keys (schema V90) have them in work_match_keys only.
     */
    public Set<String> matchKeys(Connection c, String id) throws SQLException {
        Set<String> keys = keys(c, "SELECT match_keys FROM work_items WHERE id = ?", id).orElse(Set.of());
        if (!keys.isEmpty()) {
            return keys;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT match_key FROM work_match_keys WHERE work_id = ?")) {
            select.setString(1, id);
            return Set.copyOf(ids(select));
        }
    }

    /** The item's match keys if it was never accepted; empty if it was (its keys are written already). */
    private Optional<Set<String>> keysIfNeverAccepted(Connection c, String id) throws SQLException {
        return keys(c, "SELECT match_keys FROM work_items WHERE id = ? AND accepted_at IS NULL", id);
    }

    /** The match keys of the item {@code sql} finds by id; empty when it finds none. */
    private Optional<Set<String>> keys(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(readKeys(rows.getString(1))) : Optional.empty();
            }
        }
    }

    public void markCompleted(Connection c, String id, Instant now) throws SQLException {
        update(c, "UPDATE work_items SET state = 'COMPLETED', completed_at = ? WHERE id = ?", now, id);
    }

    /** Back to waiting after an offer closed without acceptance; a refusal counts as an attempt. */
    public void requeue(Connection c, String id, boolean refused) throws SQLException {
        update(c, "UPDATE work_items SET state = CASE WHEN escalated THEN 'ESCALATED' ELSE 'WAITING' END, agent_id = NULL,"
                + " attempts = attempts + " + (refused ? 1 : 0) + " WHERE id = ?", id);
    }

    /**
     * Escalated: waits (state ESCALATED) in {@code queue}, or for {@code pinnedAgent} alone, at
     * {@code step} of the escalation path of {@code from}. The first escalation's time and reason are kept.
     */
    public void markEscalated(Connection c, String id, String from, int step, String queue, String pinnedAgent,
                              boolean skillsWaived, String reason, Instant now) throws SQLException {
        update(c, "UPDATE work_items SET state = 'ESCALATED', escalated = TRUE, escalated_at = COALESCE(escalated_at, ?),"
                + " escalation_reason = COALESCE(escalation_reason, ?), escalated_from = ?, escalation_step = ?,"
                + " queue = ?, pinned_agent = ?, skills_waived = ? WHERE id = ?",
                now, reason, from, step, queue, pinnedAgent, skillsWaived, id);
    }

    /**
     * Placed by hand (a supervisor's transfer or release): waiting afresh in {@code queue} (or for
     * {@code pinnedAgent} alone) with a new SLA, refusal count and escalation path; the history keeps the old ones.
     */
    public void place(Connection c, String id, String queue, String pinnedAgent, boolean skillsWaived, Instant slaDueAt)
            throws SQLException {
        update(c, "UPDATE work_items SET state = 'WAITING', agent_id = NULL, queue = ?, pinned_agent = ?, skills_waived = ?,"
                + " sla_due_at = ?, attempts = 0, escalated = FALSE, escalated_from = NULL, escalation_step = 0 WHERE id = ?",
                queue, pinnedAgent, skillsWaived, slaDueAt, id);
    }

    public void event(Connection c, String workId, Instant at, WorkEventKind kind, String queue, String agentId,
                      Long offerId, String detail) throws SQLException {
        events(c, List.of(new NewEvent(workId, at, kind, queue, agentId, offerId, detail)));
    }

    /** A transition to record in an item's history; {@code actor} is who made it by hand, null for the service. */
    public record NewEvent(String workId, Instant at, WorkEventKind kind, String queue, String agentId, Long offerId,
                           String detail, String actor) {

        /** A transition the service made. */
        public NewEvent(String workId, Instant at, WorkEventKind kind, String queue, String agentId, Long offerId,
                        String detail) {
            this(workId, at, kind, queue, agentId, offerId, detail, null);
        }
    }

    public void events(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO work_events (work_id, happened_at, kind, queue, agent_id, offer_id, detail, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (NewEvent event : events) {
                insert.setString(1, event.workId());
                setInstant(insert, 2, event.at());
                insert.setString(3, event.kind().name());
                insert.setString(4, event.queue());
                insert.setString(5, event.agentId());
                if (event.offerId() == null) {
                    insert.setNull(6, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(6, event.offerId());
                }
                String detail = event.detail();
                insert.setString(7, detail == null || detail.length() <= 1024 ? detail : detail.substring(0, 1024));
                insert.setString(8, event.actor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The item's transitions, oldest first. Its first, QUEUED, is made from the item itself:
     * intake writes no event row for it, sparing every lead a row and an index entry at a random
     * place when lead ids are UUIDs. Items recorded before that have it as a row.
     */
    public List<WorkEvent> history(Connection c, WorkItem item) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT * FROM work_events WHERE work_id = ? ORDER BY id")) {
            select.setString(1, item.id());
            List<WorkEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long offer = rows.getLong("offer_id");
                    Long offerId = rows.wasNull() ? null : offer;
                    events.add(new WorkEvent(instant(rows, "happened_at"), WorkEventKind.valueOf(rows.getString("kind")),
                            rows.getString("queue"), rows.getString("agent_id"), offerId,
                            rows.getString("detail"), rows.getString("actor")));
                }
            }
            if (events.stream().noneMatch(e -> e.kind() == WorkEventKind.QUEUED)) {
                events.add(0, new WorkEvent(item.createdAt(), WorkEventKind.QUEUED, item.routedQueue(), null, null,
                        item.fallback() ? FALLBACK_ROUTE : null, null));
            }
            return events;
        }
    }

    /** An offer to make of an item the caller has locked; {@code segment} is the item's. */
    public record NewOffer(String workId, String segment, String agentId, String queue, Instant expiresAt) {
    }

    /**
     * Makes the offers (each item OFFERED to its agent) with one JDBC batch per table; returns the
     * offers' ids, in order. An item has one open offer at most, so its open offer is the new one.
     */
    public List<Long> insertOffers(Connection c, List<NewOffer> offers, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO offers (work_id, segment, agent_id, queue, state, offered_at, expires_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?)");
             PreparedStatement offered = c.prepareStatement("UPDATE work_items SET state = 'OFFERED', agent_id = ?,"
                     + " first_offered_at = COALESCE(first_offered_at, ?) WHERE id = ?")) {
            for (NewOffer offer : offers) {
                insert.setString(1, offer.workId());
                insert.setString(2, offer.segment());
                insert.setString(3, offer.agentId());
                insert.setString(4, offer.queue());
                setInstant(insert, 5, now);
                setInstant(insert, 6, offer.expiresAt());
                insert.addBatch();
                offered.setString(1, offer.agentId());
                setInstant(offered, 2, now);
                offered.setString(3, offer.workId());
                offered.addBatch();
            }
            insert.executeBatch();
            offered.executeBatch();
        }
        List<String> workIds = offers.stream().map(NewOffer::workId).toList();
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT work_id, id FROM offers WHERE work_id = ANY(?) AND state = 'OPEN'")) {
            setArray(select, 1, workIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return workIds.stream().map(ids::get).toList();
    }

    public void closeOffer(Connection c, long offerId, OfferState state, String reasonCode, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE offers SET state = ?, reason_code = ?, reason = ?, closed_at = ? WHERE id = ?")) {
            update.setString(1, state.name());
            update.setString(2, reasonCode);
            update.setString(3, reason);
            setInstant(update, 4, now);
            update.setLong(5, offerId);
            update.executeUpdate();
        }
    }

    public Optional<Offer> offer(Connection c, long id) throws SQLException {
        List<Offer> found = offers(c, "WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The item's open offer, if it has one (an item is offered to one agent at a time). */
    public Optional<Offer> openOfferOf(Connection c, String workId) throws SQLException {
        return offers(c, "WHERE work_id = ? AND state = 'OPEN'", workId).stream().findFirst();
    }

    public List<Offer> openOffersOf(Connection c, String agentId) throws SQLException {
        return offers(c, "WHERE agent_id = ? AND state = 'OPEN' ORDER BY id", agentId);
    }

    public List<Offer> offersFor(Connection c, String workId) throws SQLException {
        return offers(c, "WHERE work_id = ? ORDER BY id", workId);
    }

    /** Open offers whose push timeout has passed, oldest first. */
    public List<Offer> dueOffers(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT * FROM offers WHERE state = 'OPEN' AND expires_at <= ? ORDER BY expires_at LIMIT ?")) {
            setInstant(select, 1, now);
            select.setInt(2, limit);
            return offers(select);
        }
    }

    private List<Offer> offers(Connection c, String where, Object key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM offers " + where)) {
            select.setObject(1, key);
            return offers(select);
        }
    }

    private static List<Offer> offers(PreparedStatement select) throws SQLException {
        List<Offer> offers = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                offers.add(new Offer(rows.getLong("id"), rows.getString("work_id"), rows.getString("agent_id"),
                        rows.getString("queue"), OfferState.valueOf(rows.getString("state")), rows.getString("reason_code"),
                        rows.getString("reason"),
                        instant(rows, "offered_at"), instant(rows, "expires_at"), instant(rows, "closed_at")));
            }
        }
        return offers;
    }

    private Optional<WorkItem> item(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(item(rows)) : Optional.empty();
            }
        }
    }

    private WorkItem item(ResultSet rows) throws SQLException {
        return new WorkItem(rows.getString("id"), rows.getString("segment"),
                rows.getString("routed_queue"), rows.getString("queue"), read(rows.getString("required_skills")),
                rows.getBoolean("skills_waived"), rows.getInt("priority"), rows.getInt("score"),
                rows.getString("routing_rule"), rows.getBoolean("fallback"), WorkState.valueOf(rows.getString("state")),
                rows.getString("agent_id"), rows.getString("pinned_agent"), rows.getInt("attempts"),
                rows.getBoolean("escalated"), rows.getString("escalation_reason"), instant(rows, "received_at"),
                instant(rows, "routed_at"), instant(rows, "created_at"), instant(rows, "sla_due_at"),
                instant(rows, "first_offered_at"), instant(rows, "accepted_at"), instant(rows, "escalated_at"),
                instant(rows, "completed_at"), rows.getString("escalated_from"), rows.getInt("escalation_step"));
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            setParameters(update, values);
            update.executeUpdate();
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> readKeys(String keys) {
        try {
            return keys == null ? Set.of() : json.readValue(keys, KEYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored match keys are not readable", e);
        }
    }

    private Map<String, Integer> read(String skills) {
        try {
            return json.readValue(skills, SKILLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored required skills are not readable", e);
        }
    }
}
