package org.leadrouter.assignment.kpis;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadrouter.db.Transactions;
import org.leadrouter.kpis.OfferTally;

/** Reads the KPIs from the recorded times of items and offers. */
@ApplicationScoped
public class KpiReport {

    private static final String WINDOW = " w.routed_at >= ? AND w.routed_at < ?";

    private final Transactions db;

    public KpiReport(Transactions db) {
        this.db = db;
    }

    public AssignmentKpis report(Instant from, Instant to) {
        return db.inTransaction(c -> {
            long[] counts = counts(c, from, to);
            List<Double> toAssign = new ArrayList<>();
            List<Double> toFirstOffer = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT received_at, first_offered_at, accepted_at"
                    + " FROM work_items w WHERE first_offered_at IS NOT NULL AND" + WINDOW)) {
                window(select, 1, from, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant received = instant(rows, "received_at");
                        toFirstOffer.add(seconds(received, instant(rows, "first_offered_at")));
                        Instant accepted = instant(rows, "accepted_at");
                        if (accepted != null) {
                            toAssign.add(seconds(received, accepted));
                        }
                    }
                }
            }
            return new AssignmentKpis(from, to, counts[0], counts[1], counts[2], counts[3], counts[4],
                    Durations.of(toAssign), Durations.of(toFirstOffer),
                    rates(c, "o.agent_id", from, to), rates(c, "o.queue", from, to), rates(c, "w.segment", from, to),
                    rates(c, "COALESCE(w.routing_rule, '(no rule)')", from, to),
                    rates(c, "CASE WHEN w.fallback THEN 'fallback' ELSE 'rule' END", from, to), declineReasons(c, from, to));
        });
    }

    private static long[] counts(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT COUNT(*), COUNT(accepted_at), COUNT(completed_at),
                       COUNT(escalated_at), SUM(CASE WHEN fallback THEN 1 ELSE 0 END)
                FROM work_items w WHERE""" + WINDOW)) {
            window(select, 1, from, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long[] counts = new long[5];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = rows.getLong(i + 1);
                }
                return counts;
            }
        }
    }

    /** Closed offers of items routed in the window, grouped by {@code key} (a fixed expression, never input). */
    private static List<AcceptanceRate> rates(Connection c, String key, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + key + " AS k, o.state, COUNT(*)"
                + " FROM offers o JOIN work_items w ON w.id = o.work_id WHERE o.state <> 'OPEN' AND" + WINDOW
                + " GROUP BY " + key + ", o.state")) {
            window(select, 1, from, to);
            Map<String, OfferTally> tallies = new TreeMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tallies.computeIfAbsent(rows.getString(1), k -> new OfferTally()).add(rows.getString(2), rows.getLong(3));
                }
            }
            List<AcceptanceRate> rates = new ArrayList<>();
            tallies.forEach((k, tally) -> rates.add(AcceptanceRate.of(k, tally)));
            return rates;
        }
    }

    /** Declined offers of items routed in the window, by reason code. */
    private static Map<String, Long> declineReasons(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT o.reason_code, o.reason, COUNT(*)"
                + " FROM offers o JOIN work_items w ON w.id = o.work_id WHERE o.state = 'DECLINED' AND" + WINDOW
                + " GROUP BY o.reason_code, o.reason")) {
            window(select, 1, from, to);
            Map<String, Long> reasons = new TreeMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OfferTally.addReason(reasons, rows.getString(1), rows.getString(2), rows.getLong(3));
                }
            }
            return reasons;
        }
    }

    private static void window(PreparedStatement select, int first, Instant from, Instant to) throws SQLException {
        setInstant(select, first, from);
        setInstant(select, first + 1, to);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
