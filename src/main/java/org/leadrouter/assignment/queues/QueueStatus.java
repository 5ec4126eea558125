package org.leadrouter.assignment.queues;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.db.Timestamps;
import org.leadrouter.db.Transactions;

/** The queues with settings, work or agents, and what is in them. */
@ApplicationScoped
public class QueueStatus {

    static final String OLDEST_IN_STATE =
            "SELECT id, created_at FROM work_items WHERE state = ? AND queue = ? ORDER BY created_at, id FETCH FIRST ROW ONLY";

    private record Oldest(String id, Instant since) {
        static final Oldest NONE = new Oldest(null, null);
        static final Comparator<Oldest> EARLIER = Comparator.comparing(Oldest::since).thenComparing(Oldest::id);
    }

    private final Transactions db;
    private final QueueCatalog catalog;

    public QueueStatus(Transactions db, QueueCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    public List<QueueView> queues() {
        return db.inTransaction(c -> {
            Map<String, int[]> work = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT queue, state, COUNT(*) FROM work_items
                    WHERE state IN ('WAITING', 'OFFERED', 'ACCEPTED', 'ESCALATED') GROUP BY queue, state""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int[] counts = work.computeIfAbsent(rows.getString(1), q -> new int[3]);
                    switch (rows.getString(2)) {
                        case "OFFERED" -> counts[1] += rows.getInt(3);
                        case "ACCEPTED" -> counts[2] += rows.getInt(3);
                        default -> counts[0] += rows.getInt(3);
                    }
                }
            }
            Map<String, int[]> agents = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT q.queue, COUNT(*), SUM(CASE WHEN a.presence = 'ONLINE' THEN 1 ELSE 0 END)
                    FROM agent_queues q JOIN agents a ON a.id = q.agent_id GROUP BY q.queue""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    agents.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
            TreeSet<String> names = new TreeSet<>(work.keySet());
            names.addAll(agents.keySet());
            catalog.configured().forEach(q -> names.add(q.name()));
            List<QueueView> views = new ArrayList<>();
            for (String name : names) {
                int[] counts = work.getOrDefault(name, new int[3]);
                int[] serving = agents.getOrDefault(name, new int[2]);
                Oldest oldest = counts[0] > 0 ? oldestWaiting(c, name) : Oldest.NONE;
                views.add(new QueueView(catalog.settings(name), counts[0], oldest.id(), oldest.since(), counts[1], counts[2],
                        serving[0], serving[1]));
            }
            return views;
        });
    }

    /**
     * The queue's longest-waiting item, one probe per waiting state: with the states as an IN list
     * H2 seeks only the state in work_items_waiting and reads every waiting item of every queue.
     */
    private static Oldest oldestWaiting(Connection c, String queue) throws SQLException {
        Oldest oldest = Oldest.NONE;
        try (PreparedStatement select = c.prepareStatement(OLDEST_IN_STATE)) {
            for (WorkState state : WorkState.WAITING_STATES) {
                select.setString(1, state.name());
                select.setString(2, queue);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        Oldest found = new Oldest(rows.getString(1), Timestamps.instant(rows, "created_at"));
                        oldest = oldest == Oldest.NONE || Oldest.EARLIER.compare(found, oldest) < 0 ? found : oldest;
                    }
                }
            }
        }
        return oldest;
    }
}
