package org.leadrouter.assignment.kpis;

import static org.leadrouter.assignment.AssignmentDb.instant;
import static org.leadrouter.assignment.AssignmentDb.setInstant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadrouter.assignment.AssignmentDb;

/** Reads the KPIs from the recorded times of items and offers. */
@ApplicationScoped
public class KpiReport {

    private static final String WINDOW = " w.routed_at >= ? AND w.routed_at < ?";

    private final AssignmentDb db;

    public KpiReport(AssignmentDb db) {
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
                    rates(c, "CASE WHEN w.fallback THEN 'fallback' ELSE 'rule' END", from, to));
        });
    }

    private static long[] counts(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT COUNT(*), COUNT(accepted_at), COUNT(completed_at),
                       SUM(CASE WHEN escalated THEN 1 ELSE 0 END), SUM(CASE WHEN fallback THEN 1 ELSE 0 END)
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

    /** Offers made of items routed in the window, grouped by {@code key} (a fixed expression, never input). */
    private static List<AcceptanceRate> rates(Connection c, String key, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + key + " AS k, COUNT(*),"
                + " SUM(CASE WHEN o.state = 'ACCEPTED' THEN 1 ELSE 0 END)"
                + " FROM offers o JOIN work_items w ON w.id = o.work_id WHERE" + WINDOW + " GROUP BY " + key + " ORDER BY 1")) {
            window(select, 1, from, to);
            List<AcceptanceRate> rates = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rates.add(AcceptanceRate.of(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return rates;
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
