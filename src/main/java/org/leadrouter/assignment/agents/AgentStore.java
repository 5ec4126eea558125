package org.leadrouter.assignment.agents;

import static org.leadrouter.db.SqlLists.ids;
import static org.leadrouter.db.SqlLists.setArray;
import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.assignment.work.WorkStore;

/** Agents in the database. Every method works inside the caller's transaction. */
@ApplicationScoped
public class AgentStore {

    // What a scan asks of the waiting items, each through an index (AgentStoreScanPlanTest).
    static final String WAITS_IN_QUEUE =
            "SELECT 1 FROM work_items WHERE state = ? AND queue = ? AND pinned_agent IS NULL FETCH FIRST ROW ONLY";
    static final String PINNED_WAITING =
            "SELECT DISTINCT pinned_agent FROM work_items WHERE pinned_agent = ANY(?) AND " + WorkStore.WAITING;
    /** Online and below capacity: may be offered work now, but for working hours (weighed in memory). */
    private static final String WITH_ROOM = "a.presence = 'ONLINE' AND a.load_units < a.capacity";
    /** Working hours are kept as their shift texts joined by this (a shift never contains it). */
    private static final String SHIFT_SEPARATOR = ";";
    private static final String COLUMNS =
            "a.id, a.capacity, a.load_units, a.presence, a.time_zone, a.working_hours, a.last_offered_at";
    // "Has every required skill at its level": no required skill the agent lacks.
    private static final String QUALIFIED = """
            NOT EXISTS (SELECT 1 FROM work_skills ws WHERE ws.work_id = ? AND NOT EXISTS (
                SELECT 1 FROM agent_skills s WHERE s.agent_id = a.id AND s.skill = ws.skill AND s.level >= ws.level))
            """;
    private static final String NOT_REFUSED = """
            NOT EXISTS (SELECT 1 FROM offers o WHERE o.work_id = ? AND o.agent_id = a.id
                        AND o.state IN ('DECLINED', 'TIMED_OUT'))
            """;

    /** Rosters share a few schedules; parsing them once keeps candidate reads cheap. */
    private final Map<String, WorkingHours> schedules = new ConcurrentHashMap<>();

    /** Working hours as the database keeps them. */
    static String storedHours(WorkingHours hours) {
        return String.join(SHIFT_SEPARATOR, hours.texts());
    }

    /** Creates or replaces the agent's profile; load and (unless the profile sets it) presence are kept. */
    public boolean save(Connection c, Agent agent, Instant now) throws SQLException {
        boolean exists;
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM agents WHERE id = ? FOR UPDATE")) {
            lock.setString(1, agent.id());
            try (ResultSet rows = lock.executeQuery()) {
                exists = rows.next();
            }
        }
        String hours = storedHours(agent.hours());
        if (exists) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE agents SET name = ?, manager = ?, capacity = ?, time_zone = ?, working_hours = ? WHERE id = ?")) {
                update.setString(1, agent.name());
                update.setString(2, agent.manager());
                update.setInt(3, agent.capacity());
                update.setString(4, agent.hours().zone().getId());
                update.setString(5, hours);
                update.setString(6, agent.id());
                update.executeUpdate();
            }
            if (agent.presence() != null) {
                setPresence(c, agent.id(), agent.presence(), now);
            }
            for (String table : List.of("agent_queues", "agent_skills")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE agent_id = ?")) {
                    delete.setString(1, agent.id());
                    delete.executeUpdate();
                }
            }
        } else {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO agents (id, name, manager, capacity, time_zone, working_hours, presence, presence_since, load_units)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                insert.setString(1, agent.id());
                insert.setString(2, agent.name());
                insert.setString(3, agent.manager());
                insert.setInt(4, agent.capacity());
                insert.setString(5, agent.hours().zone().getId());
                insert.setString(6, hours);
                insert.setString(7, (agent.presence() == null ? Presence.OFFLINE : agent.presence()).name());
                setInstant(insert, 8, now);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement queues = c.prepareStatement("INSERT INTO agent_queues (queue, agent_id) VALUES (?, ?)")) {
            for (String queue : agent.queues()) {
                queues.setString(1, queue);
                queues.setString(2, agent.id());
                queues.addBatch();
            }
            queues.executeBatch();
        }
        try (PreparedStatement skills = c.prepareStatement("INSERT INTO agent_skills (agent_id, skill, level) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> skill : agent.skills().entrySet()) {
                skills.setString(1, agent.id());
                skills.setString(2, skill.getKey());
                skills.setInt(3, skill.getValue());
                skills.addBatch();
            }
            skills.executeBatch();
        }
        return !exists;
    }

    /** Locks the agent's row for the rest of the transaction. */
    public Optional<AgentState> lock(Connection c, String id) throws SQLException {
        return state(c, "SELECT " + COLUMNS + " FROM agents a WHERE a.id = ? FOR UPDATE", id);
    }

    public Optional<AgentState> state(Connection c, String id) throws SQLException {
        return state(c, "SELECT " + COLUMNS + " FROM agents a WHERE a.id = ?", id);
    }

    private Optional<AgentState> state(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(state(rows)) : Optional.empty();
            }
        }
    }

    public void setPresence(Connection c, String id, Presence presence, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE agents SET presence = ?, presence_since = ? WHERE id = ? AND presence <> ?")) {
            update.setString(1, presence.name());
            setInstant(update, 2, now);
            update.setString(3, id);
            update.setString(4, presence.name());
            update.executeUpdate();
        }
    }

    /** Adds to (or with a negative delta, takes from) what the agent holds; an offer also marks them busy from now. */
    public void addLoad(Connection c, String id, int delta, Instant offeredAt) throws SQLException {
        String sql = offeredAt == null
                ? "UPDATE agents SET load_units = load_units + ? WHERE id = ?"
                : "UPDATE agents SET load_units = load_units + ?, last_offered_at = ? WHERE id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setInt(1, delta);
            int i = 2;
            if (offeredAt != null) {
                setInstant(update, i++, offeredAt);
            }
            update.setString(i, id);
            update.executeUpdate();
        }
    }

    /** Adds each agent's count of new offers to their load, and marks them busy from now: one JDBC batch. */
    public void addOffered(Connection c, Map<String, Integer> offersByAgent, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE agents SET load_units = load_units + ?, last_offered_at = ? WHERE id = ?")) {
            for (Map.Entry<String, Integer> agent : offersByAgent.entrySet()) {
                update.setInt(1, agent.getValue());
                setInstant(update, 2, now);
                update.setString(3, agent.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** An agent who could take work, with the skills they hold. */
    public record Candidate(AgentState state, Map<String, Integer> skills) {

        /** Holds every required skill at its level. */
        public boolean qualifies(Map<String, Integer> required) {
            return required.entrySet().stream().allMatch(r -> skills.getOrDefault(r.getKey(), -1) >= r.getValue());
        }
    }

    /**
     * Agents ONLINE below capacity who serve the queue, or with {@code pinnedAgent} that agent
     * alone, with their skills: what a batch of items of one queue is matched against in memory.
     * Not locked; working hours are for the caller.
     */
    public List<Candidate> available(Connection c, String queue, String pinnedAgent) throws SQLException {
        String key = pinnedAgent != null ? pinnedAgent : queue;
        Map<String, Map<String, Integer>> skills;
        try (PreparedStatement select = c.prepareStatement(pinnedAgent != null
                ? "SELECT s.agent_id, s.skill, s.level FROM agent_skills s WHERE s.agent_id = ?"
                : "SELECT s.agent_id, s.skill, s.level FROM agent_skills s JOIN agent_queues q ON q.agent_id = s.agent_id"
                        + " WHERE q.queue = ?")) {
            select.setString(1, key);
            skills = skillsByAgent(select, HashMap::new);
        }
        List<Candidate> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + serving(pinnedAgent)
                + " AND " + WITH_ROOM)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AgentState state = state(rows);
                    found.add(new Candidate(state, skills.getOrDefault(state.id(), Map.of())));
                }
            }
        }
        return found;
    }

    /**
     * Agents who could take this item now but for working hours (checked by the caller): ONLINE,
     * below capacity, and {@linkplain #eligible eligible}. Not locked.
     */
    public List<AgentState> candidates(Connection c, String workId, String queue, String pinnedAgent,
                                       boolean skillsWaived) throws SQLException {
        return eligible(c, WITH_ROOM, null, workId, queue, pinnedAgent, skillsWaived);
    }

    /** Whether this agent is eligible for the item, whatever their presence, hours and load. */
    public boolean qualifies(Connection c, String agentId, String workId, String queue, String pinnedAgent,
                             boolean skillsWaived) throws SQLException {
        return !eligible(c, "a.id = ?", agentId, workId, queue, pinnedAgent, skillsWaived).isEmpty();
    }

    /**
     * Whether anyone at all could ever be offered the item where it is, whatever their presence,
     * hours and load: false when every eligible agent has refused it (or there is none).
     */
    public boolean anyoneEligible(Connection c, String workId, String queue, String pinnedAgent, boolean skillsWaived)
            throws SQLException {
        return !eligible(c, "TRUE", null, workId, queue, pinnedAgent, skillsWaived).isEmpty();
    }

    /**
     * Agents meeting {@code condition} (with {@code value} its one parameter, if any) who serve the
     * item's queue (or are the agent it is pinned to), qualify unless its skills are waived, and
     * never declined it or let it time out.
     */
    private List<AgentState> eligible(Connection c, String condition, String value, String workId, String queue,
                                      String pinnedAgent, boolean skillsWaived) throws SQLException {
        String sql = "SELECT " + COLUMNS + serving(pinnedAgent) + " AND " + condition
                + (skillsWaived ? "" : " AND " + QUALIFIED) + " AND " + NOT_REFUSED;
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, pinnedAgent != null ? pinnedAgent : queue);
            if (value != null) {
                select.setString(i++, value);
            }
            if (!skillsWaived) {
                select.setString(i++, workId);
            }
            select.setString(i, workId);
            List<AgentState> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(state(rows));
                }
            }
            return found;
        }
    }

    /**
     * FROM and WHERE for the pinned agent, else the agents who serve the queue (its one parameter).
     * The queue's agents are read through agent_queues' key: asked as "agents where one of their
     * queues is it", H2 read every agent for each queue of each batch (docs/performance.md).
     */
    private static String serving(String pinnedAgent) {
        return pinnedAgent != null ? " FROM agents a WHERE a.id = ?"
                : " FROM agent_queues q JOIN agents a ON a.id = q.agent_id WHERE q.queue = ?";
    }

    /** The managers of the agents who serve the queue, by id. */
    public List<String> managersOf(Connection c, String queue) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT DISTINCT a.manager FROM agents a JOIN agent_queues q ON q.agent_id = a.id
                WHERE q.queue = ? AND a.manager IS NOT NULL ORDER BY a.manager""")) {
            select.setString(1, queue);
            List<String> managers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    managers.add(rows.getString(1));
                }
            }
            return managers;
        }
    }


    /** Whether any agent at all is online with room (their hours and skills not weighed). */
    public boolean anyoneWithRoom(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM agents a WHERE " + WITH_ROOM + " FETCH FIRST ROW ONLY");
                ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    /** Agents online with room, serving a queue where something waits (or pinned something), by id. */
    public List<String> withWorkToTake(Connection c) throws SQLException {
        // Agents first: a roster is a few hundred rows, while what waits can be a night's backlog.
        // Asked items first, a scan read every waiting item each second, agents or none: a third of
        // the processor under intake load with no agent online (docs/performance.md).
        Map<String, List<String>> byQueue = new HashMap<>();
        Set<String> withRoom = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT a.id, q.queue FROM agents a LEFT JOIN agent_queues q ON q.agent_id = a.id WHERE " + WITH_ROOM);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String agent = rows.getString(1);
                withRoom.add(agent);
                String queue = rows.getString(2);
                if (queue != null) {
                    byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(agent);
                }
            }
        }
        if (withRoom.isEmpty()) {
            return List.of();
        }
        Set<String> take = new TreeSet<>(pinnedWaiting(c, withRoom));
        // One probe of work_items_waiting per queue and state: it stops at the first item.
        try (PreparedStatement probe = c.prepareStatement(WAITS_IN_QUEUE)) {
            for (Map.Entry<String, List<String>> queue : byQueue.entrySet()) {
                if (!take.containsAll(queue.getValue()) && waits(probe, queue.getKey())) {
                    take.addAll(queue.getValue());
                }
            }
        }
        return List.copyOf(take);
    }

    private static boolean waits(PreparedStatement probe, String queue) throws SQLException {
        for (WorkState state : WorkState.WAITING_STATES) {
            probe.setString(1, state.name());
            probe.setString(2, queue);
            try (ResultSet row = probe.executeQuery()) {
                if (row.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Which of these agents an item waits pinned to, through work_items_pinned. */
    private static List<String> pinnedWaiting(Connection c, Set<String> agents) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PINNED_WAITING)) {
            setArray(select, 1, agents);
            return ids(select);
        }
    }

    /** Which of these queues any agent at all serves (whatever their presence), in one query. */
    public Set<String> served(Connection c, Collection<String> queues) throws SQLException {
        if (queues.isEmpty()) {
            return Set.of();
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT DISTINCT queue FROM agent_queues WHERE queue = ANY(?)")) {
            setArray(select, 1, queues);
            return new HashSet<>(ids(select));
        }
    }

    /** Whether any agent at all (whatever their presence) serves the queue: a queue nobody serves overflows. */
    public boolean anyServes(Connection c, String queue) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM agent_queues WHERE queue = ? LIMIT 1")) {
            select.setString(1, queue);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    public Optional<AgentView> find(Connection c, String id, Predicate<WorkingHours> working) throws SQLException {
        List<AgentView> found = views(c, "WHERE a.id = ?", id, working);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<AgentView> list(Connection c, Predicate<WorkingHours> working) throws SQLException {
        return views(c, "", null, working);
    }

    private List<AgentView> views(Connection c, String where, String id, Predicate<WorkingHours> working) throws SQLException {
        Map<String, List<String>> queues = new HashMap<>();
        Map<String, Map<String, Integer>> skills = new HashMap<>();
        String join = id == null ? "" : " WHERE agent_id = ?";
        try (PreparedStatement select = c.prepareStatement("SELECT agent_id, queue FROM agent_queues" + join + " ORDER BY queue")) {
            if (id != null) {
                select.setString(1, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queues.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT agent_id, skill, level FROM agent_skills" + join)) {
            if (id != null) {
                select.setString(1, id);
            }
            skills.putAll(skillsByAgent(select, TreeMap::new));
        }
        List<AgentView> views = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + ", a.name, a.manager, a.presence_since FROM agents a " + where + " ORDER BY a.id")) {
            if (id != null) {
                select.setString(1, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AgentState state = state(rows);
                    boolean inHours = working.test(state.hours());
                    String agentId = state.id();
                    views.add(new AgentView(agentId, rows.getString("name"), rows.getString("manager"),
                            queues.getOrDefault(agentId, List.of()), skills.getOrDefault(agentId, Map.of()),
                            state.capacity(), state.hours().zone().getId(), state.hours().texts(), state.presence(),
                            instant(rows, "presence_since"), state.load(), state.lastOfferedAt(), inHours,
                            inHours && state.presence() == Presence.ONLINE && state.load() < state.capacity()));
                }
            }
        }
        return views;
    }

    /** Rows of (agent id, skill, level) as each agent's skills, in maps made by {@code newMap}. */
    private static Map<String, Map<String, Integer>> skillsByAgent(PreparedStatement select,
                                                                  Supplier<Map<String, Integer>> newMap) throws SQLException {
        Map<String, Map<String, Integer>> skills = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                skills.computeIfAbsent(rows.getString(1), k -> newMap.get()).put(rows.getString(2), rows.getInt(3));
            }
        }
        return skills;
    }

    private AgentState state(ResultSet rows) throws SQLException {
        String zone = rows.getString("time_zone");
        String hours = rows.getString("working_hours");
        WorkingHours schedule = schedules.computeIfAbsent(zone + "|" + hours, key -> WorkingHours.parse(ZoneId.of(zone),
                hours.isEmpty() ? List.of() : Arrays.asList(hours.split(SHIFT_SEPARATOR)), "hours", new ArrayList<>()));
        return new AgentState(rows.getString("id"), rows.getInt("capacity"), rows.getInt("load_units"),
                Presence.valueOf(rows.getString("presence")), schedule, instant(rows, "last_offered_at"));
    }
}
