package org.leadrouter.retention;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadrouter.db.SqlLists;
import org.leadrouter.db.Transactions;

/**
 * Deletes what is older than a cutoff, a small batch per transaction, so the sweep never holds
 * locks intake or assignment wait on for long. Every query walks an existing index from its
 * oldest end: the sweep adds no index to the write path.
 */
@ApplicationScoped
public class RetentionSweep {

    /** Tables of totals keyed by time, and the column that says when. */
    private static final List<String[]> TOTALS = List.of(
            new String[] {"lead_minutes", "minute_at"},
            new String[] {"assign_hours", "hour_at"},
            new String[] {"offer_hours", "hour_at"},
            new String[] {"decline_hours", "hour_at"},
            new String[] {"lead_hours", "hour_at"});
    /** Everything that refers to a work item, deleted before it. */
    private static final List<String> WORK_CHILDREN = List.of(
            "offers", "work_events", "work_skills", "work_match_keys", "work_relaxation");

    private final Transactions db;

    public RetentionSweep(Transactions db) {
        this.db = db;
    }

    /** Rows deleted by one sweep, per kind. */
    public record Deleted(long leads, long workItems, long totals) {
    }

    /** Deletes every lead recorded, finished work item routed and total counted before the cutoff. */
    public Deleted sweep(Instant cutoff, int batch) {
        long workItems = 0;
        for (String segment : db.inTransaction(c -> segments(c, "work_items"))) {
            workItems += drain(c -> Batch.of(deleteWork(c, segment, cutoff, batch)));
        }
        long leads = 0;
        for (String segment : db.inTransaction(c -> segments(c, "leads"))) {
            leads += drain(c -> deleteLeads(c, segment, cutoff, batch));
        }
        long totals = 0;
        for (String[] table : TOTALS) {
            totals += drain(c -> Batch.of(deleteTotals(c, table[0], table[1], cutoff, batch)));
        }
        for (String segment : db.inTransaction(c -> segments(c, "rule_minutes"))) {
            totals += drain(c -> Batch.of(deleteRuleMinutes(c, segment, cutoff, batch)));
        }
        return new Deleted(leads, workItems, totals);
    }

    /** One transaction's deletions, and whether another batch may find more. */
    private record Batch(int deleted, boolean more) {
        static Batch of(int deleted) {
            return new Batch(deleted, deleted > 0);
        }
    }

    /** Runs batches, each in its own transaction, until one says there is no more; answers the rows deleted. */
    private long drain(Transactions.Work<Batch> work) {
        long deleted = 0;
        for (Batch batch = new Batch(0, true); batch.more(); deleted += batch.deleted()) {
            batch = db.inTransaction(work);
        }
        return deleted;
    }

    private static List<String> segments(Connection c, String table) throws SQLException {
        List<String> segments = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT segment FROM " + table);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                segments.add(rows.getString(1));
            }
        }
        return segments;
    }

    /** Finished items only: one still waiting or offered is live work, however old. */
    private static int deleteWork(Connection c, String segment, Instant cutoff, int batch) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM work_items WHERE segment = ? AND routed_at < ?"
                + " AND state IN ('ACCEPTED', 'COMPLETED') ORDER BY routed_at FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, segment);
            setInstant(select, 2, cutoff);
            select.setInt(3, batch);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        for (String child : WORK_CHILDREN) {
            deleteIds(c, child, "work_id", ids);
        }
        return deleteIds(c, "work_items", "id", ids);
    }

    /**
     * The segment's oldest leads by recording order (the index on segment and seq), deleted while
     * older than the cutoff: the batch that reaches a newer lead is the last, so a sweep reads
     * one batch more than it deletes, never the whole table.
     */
    private static Batch deleteLeads(Connection c, String segment, Instant cutoff, int batch) throws SQLException {
        List<String> old = new ArrayList<>();
        boolean reachedNewer = false;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, recorded_at FROM leads WHERE segment = ? ORDER BY segment, seq FETCH FIRST ? ROWS ONLY")) {
            select.setString(1, segment);
            select.setInt(2, batch);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (instant(rows, "recorded_at").isBefore(cutoff)) {
                        old.add(rows.getString("id"));
                    } else {
                        reachedNewer = true;
                    }
                }
            }
        }
        return new Batch(deleteIds(c, "leads", "id", old), !reachedNewer && !old.isEmpty());
    }

    private static int deleteTotals(Connection c, String table, String at, Instant cutoff, int batch) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + at + " IN (SELECT " + at
                + " FROM " + table + " WHERE " + at + " < ? ORDER BY " + at + " FETCH FIRST ? ROWS ONLY)")) {
            setInstant(delete, 1, cutoff);
            delete.setInt(2, batch);
            return delete.executeUpdate();
        }
    }

    private static int deleteRuleMinutes(Connection c, String segment, Instant cutoff, int batch) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM rule_minutes WHERE segment = ? AND minute_at IN"
                + " (SELECT minute_at FROM rule_minutes WHERE segment = ? AND minute_at < ? ORDER BY minute_at"
                + " FETCH FIRST ? ROWS ONLY)")) {
            delete.setString(1, segment);
            delete.setString(2, segment);
            setInstant(delete, 3, cutoff);
            delete.setInt(4, batch);
            return delete.executeUpdate();
        }
    }

    private static int deleteIds(Connection c, String table, String column, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ANY(?)")) {
            SqlLists.setArray(delete, 1, ids);
            return delete.executeUpdate();
        }
    }
}
