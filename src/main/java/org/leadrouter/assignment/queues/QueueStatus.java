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
import java.util.TreeMap;
import java.util.TreeSet;
import org.leadrouter.assignment.work.WorkState;
import org.leadrouter.db.H2Store;
import org.leadrouter.db.Timestamps;
import org.leadrouter.db.Transactions;

/** The queues with settings, work or agents, and what is in them. */
@ApplicationScoped
public class QueueStatus {

    /** The next queue after ?2 with an item in state ?1, and its oldest item there: work_items_oldest in its order. */
    static final String NEXT_QUEUES_OLDEST = """
            SELECT queue, id, created_at FROM work_items WHERE state = ? AND queue > ?
            ORDER BY state, queue, created_at, id FETCH FIRST ROW ONLY""";

    /**
     * As {@link #NEXT_QUEUES_OLDEST}, for H2, with ?2 the first name after the last queue ({@link #justAfter}).
     * Asked for {@code queue > ?}, H2 starts its index cursor at the last queue's first entry and reads
     * every item of that queue to get past it: a backlog of 100,000 in one queue was read whole at each
     * SLA check and console refresh. PostgreSQL seeks past equal keys by itself, and allows no NUL in text.
     */
    static final String NEXT_QUEUES_OLDEST_H2 = """
            SELECT queue, id, created_at FROM work_items WHERE state = ? AND queue >= ?
            ORDER BY state, queue, created_at, id FETCH FIRST ROW ONLY""";

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
            Map<String, Oldest> oldestWaiting = oldestWaiting(c);
            for (String name : names) {
                int[] counts = work.getOrDefault(name, new int[3]);
                int[] serving = agents.getOrDefault(name, new int[2]);
                Oldest oldest = oldestWaiting.getOrDefault(name, Oldest.NONE);
                views.add(new QueueView(catalog.settings(name), counts[0], oldest.id(), oldest.since(), counts[1], counts[2],
                        serving[0], serving[1]));
            }
            return views;
        });
    }

    /**
     * Each queue with an item waiting and the item that has waited longest, without counting them:
     * what the SLA alert needs every 30 s, at a cost that does not grow with the backlog.
     */
    public List<QueueWait> waiting() {
        return db.inTransaction(c -> {
            List<QueueWait> waits = new ArrayList<>();
            oldestWaiting(c).forEach((name, oldest) -> waits.add(new QueueWait(catalog.settings(name), oldest.id(), oldest.since())));
            return waits;
        });
    }

    /**
     * Per queue, its longest-waiting item: for each waiting state, one seek per queue that has items
     * in it, each seek landing on the next queue's oldest item (a loose index scan of
     * work_items_oldest), so neither the items nor their sort are read.
     */
    private static Map<String, Oldest> oldestWaiting(Connection c) throws SQLException {
        Map<String, Oldest> oldest = new TreeMap<>();
        boolean h2 = H2Store.isH2(c);
        try (PreparedStatement next = c.prepareStatement(h2 ? NEXT_QUEUES_OLDEST_H2 : NEXT_QUEUES_OLDEST)) {
            for (WorkState state : WorkState.WAITING_STATES) {
                String after = "";
                next.setString(1, state.name());
                while (true) {
                    next.setString(2, h2 ? justAfter(after) : after);
                    try (ResultSet rows = next.executeQuery()) {
                        if (!rows.next()) {
                            break;
                        }
                        after = rows.getString("queue");
                        Oldest found = new Oldest(rows.getString("id"), Timestamps.instant(rows, "created_at"));
                        oldest.merge(after, found, (a, b) -> Oldest.EARLIER.compare(a, b) <= 0 ? a : b);
                    }
                }
            }
        }
        return oldest;
    }

    /** The least name greater than {@code queue}: every name after it is at or after this one. */
    static String justAfter(String queue) {
        return queue + '\u0000';
    }
}
