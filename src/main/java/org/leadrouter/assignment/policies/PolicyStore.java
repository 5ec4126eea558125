package org.leadrouter.assignment.policies;

import static org.leadrouter.db.SqlLists.ids;
import static org.leadrouter.db.SqlLists.setArray;
import static org.leadrouter.db.Timestamps.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leadrouter.assignment.work.WorkStore;

/**
 * What the distribution policies read and write: offers by queue (the round-robin position, the
 * weighted shares and the caps are all read from the offers made, so they survive a restart
 * with nothing else kept), match keys for sticky routing, and how far an item's skills were
 * relaxed. Every method works inside the caller's transaction.
 */
@ApplicationScoped
public class PolicyStore {

    /** Offers that still count as the agent's lead: open or accepted (not declined, timed out or withdrawn). */
    private static final String KEPT = "state IN ('OPEN', 'ACCEPTED')";
    /** Items a refinement may move or relax: waiting in their queue, not escalated, not pinned. */
    private static final String PLAIN_WAITING = "w.state = 'WAITING' AND w.pinned_agent IS NULL";

    /** The agent the queue's latest offer went to: the round-robin position. */
    public Optional<String> lastOffered(Connection c, String queue) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT agent_id FROM offers WHERE queue = ? ORDER BY queue, id DESC LIMIT 1")) {
            select.setString(1, queue);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** One of a queue's offers: to whom, and whether it still counts as theirs (open or accepted). */
    public record Made(String agentId, boolean kept) {
    }

    /** The queue's latest {@code window} offers, newest first. */
    public List<Made> latest(Connection c, String queue, int window) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT agent_id, state FROM offers WHERE queue = ? ORDER BY queue, id DESC LIMIT ?")) {
            select.setString(1, queue);
            select.setInt(2, window);
            List<Made> latest = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String state = rows.getString(2);
                    latest.add(new Made(rows.getString(1), state.equals("OPEN") || state.equals("ACCEPTED")));
                }
            }
            return latest;
        }
    }

    /** How many of the queue's offers made after {@code since} the agent kept. */
    public int keptSince(Connection c, String agentId, String queue, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM offers WHERE agent_id = ? AND queue = ? AND offered_at > ? AND " + KEPT)) {
            select.setString(1, agentId);
            select.setString(2, queue);
            setInstant(select, 3, since);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** How many of a queue's leads an agent kept in the last hour and the last day. */
    public record Kept(int lastHour, int lastDay) {
        static final Kept NONE = new Kept(0, 0);
    }

    /** Per queue, what the agent kept since {@code dayAgo}, and of that since {@code hourAgo}. */
    public Map<String, Kept> keptByQueue(Connection c, String agentId, Instant hourAgo, Instant dayAgo) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT queue, SUM(CASE WHEN offered_at > ? THEN 1 ELSE 0 END),"
                + " COUNT(*) FROM offers WHERE agent_id = ? AND offered_at > ? AND " + KEPT + " GROUP BY queue")) {
            setInstant(select, 1, hourAgo);
            select.setString(2, agentId);
            setInstant(select, 3, dayAgo);
            Map<String, Kept> kept = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kept.put(rows.getString(1), new Kept(rows.getInt(2), rows.getInt(3)));
                }
            }
            return kept;
        }
    }

    /**
     * The agent who most recently accepted (since {@code since}) another item sharing one of
     * {@code keys} (the item's own, {@link WorkStore#matchKeys}).
     */
    public Optional<String> stickyAgent(Connection c, String workId, Set<String> keys, Instant since) throws SQLException {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT w.agent_id FROM work_match_keys other
                JOIN work_items w ON w.id = other.work_id
                WHERE other.match_key = ANY(?) AND other.work_id <> ?
                  AND w.state IN ('ACCEPTED', 'COMPLETED') AND w.accepted_at >= ?
                ORDER BY w.accepted_at DESC LIMIT 1""")) {
            setArray(select, 1, keys);
            select.setString(2, workId);
            setInstant(select, 3, since);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Items waiting in the queue since before {@code madeBefore}, oldest first. */
    public List<String> waitingSince(Connection c, String queue, Instant madeBefore, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT w.id FROM work_items w WHERE w.queue = ? AND "
                + PLAIN_WAITING + " AND w.created_at <= ? ORDER BY w.created_at, w.id LIMIT ?")) {
            select.setString(1, queue);
            setInstant(select, 2, madeBefore);
            select.setInt(3, limit);
            return ids(select);
        }
    }

    /** Items behind the first {@code depth} waiting in the queue (in the waiting order): the ones a deep queue sheds. */
    public List<String> beyondDepth(Connection c, String queue, int depth, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT w.id FROM work_items w WHERE w.queue = ?"
                + " AND w." + WorkStore.WAITING + " " + WorkStore.WAITING_ORDER + " LIMIT ? OFFSET ?")) {
            select.setString(1, queue);
            select.setInt(2, limit);
            select.setInt(3, depth);
            return ids(select);
        }
    }

    /** Items waiting in the queue since before {@code madeBefore}, with required skills relaxed by fewer than {@code levels}. */
    public List<String> dueForRelaxation(Connection c, String queue, Instant madeBefore, int levels, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT w.id FROM work_items w WHERE w.queue = ? AND "
                + PLAIN_WAITING + " AND NOT w.skills_waived AND w.created_at <= ?"
                + " AND EXISTS (SELECT 1 FROM work_skills s WHERE s.work_id = w.id)"
                + " AND NOT EXISTS (SELECT 1 FROM work_relaxation r WHERE r.work_id = w.id AND r.levels >= ?)"
                + " ORDER BY w.created_at, w.id LIMIT ?")) {
            select.setString(1, queue);
            setInstant(select, 2, madeBefore);
            select.setInt(3, levels);
            select.setInt(4, limit);
            return ids(select);
        }
    }

    public int relaxedLevels(Connection c, String workId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT levels FROM work_relaxation WHERE work_id = ?")) {
            select.setString(1, workId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    /** Sets the item's required levels to {@code levels} (already floored) and records how far they were lowered. */
    public void relax(Connection c, String workId, Map<String, Integer> levels, int lowered) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE work_skills SET level = ? WHERE work_id = ? AND skill = ?")) {
            for (Map.Entry<String, Integer> skill : levels.entrySet()) {
                update.setInt(1, skill.getValue());
                update.setString(2, workId);
                update.setString(3, skill.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        boolean before = relaxedLevels(c, workId) > 0;
        try (PreparedStatement write = c.prepareStatement(before
                ? "UPDATE work_relaxation SET levels = ? WHERE work_id = ?"
                : "INSERT INTO work_relaxation (levels, work_id) VALUES (?, ?)")) {
            write.setInt(1, lowered);
            write.setString(2, workId);
            write.executeUpdate();
        }
    }

    public void move(Connection c, String workId, String queue) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE work_items SET queue = ? WHERE id = ?")) {
            update.setString(1, queue);
            update.setString(2, workId);
            update.executeUpdate();
        }
    }
}
