package org.leadrouter.kpis;

import static org.leadrouter.db.Timestamps.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.leadrouter.kpis.Kpis.Acceptance;
import org.leadrouter.kpis.OfferTotals.Dimension;

/**
 * Lead Acceptance Rate of the offers closed in the window, counted by {@link OfferTally}'s rule.
 * Reads the offers themselves, or the hourly totals for the hours rolled up ({@link WindowParts}).
 */
final class AcceptanceReader {

    /** An offer's segment: offers made before they kept it (schema V92) take their item's. */
    private static final String SEGMENT = "COALESCE(o.segment, (SELECT w.segment FROM work_items w WHERE w.id = o.work_id))";

    private AcceptanceReader() {
    }

    static PerSegment<Acceptance> read(Connection c, WindowParts parts) throws SQLException {
        OfferTotals totals = new OfferTotals();
        for (WindowParts.Span span : parts.rows()) {
            addOffers(c, span, totals);
        }
        if (parts.hours() != null) {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT dimension, name, SUM(accepted) AS accepted, SUM(declined) AS declined,
                        SUM(timed_out) AS timed_out, SUM(withdrawn) AS withdrawn
                    FROM offer_hours WHERE hour_at >= ? AND hour_at < ? GROUP BY dimension, name""")) {
                setSpan(select, parts.hours());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        totals.addTally(Dimension.valueOf(rows.getString("dimension")), rows.getString("name"),
                                OfferTally.of(rows.getLong("accepted"), rows.getLong("declined"), rows.getLong("timed_out"),
                                        rows.getLong("withdrawn")));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT segment, reason, SUM(declines) AS declines FROM decline_hours
                    WHERE hour_at >= ? AND hour_at < ? GROUP BY segment, reason""")) {
                setSpan(select, parts.hours());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        totals.addDeclines(rows.getString("segment"), rows.getString("reason"), rows.getLong("declines"));
                    }
                }
            }
        }
        return totals.acceptance();
    }

    /** The offers closed in the span, added to the totals: read for a window's edges, and by the hourly roll-up. */
    static void addOffers(Connection c, WindowParts.Span span, OfferTotals totals) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT %s AS segment, o.queue, o.agent_id, o.state, o.reason_code, o.reason, COUNT(*) AS n
                FROM offers o
                WHERE o.closed_at >= ? AND o.closed_at < ? AND o.state <> 'OPEN'
                GROUP BY %s, o.queue, o.agent_id, o.state, o.reason_code, o.reason""".formatted(SEGMENT, SEGMENT))) {
            setSpan(select, span);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.addOffers(rows.getString("segment"), rows.getString("queue"), rows.getString("agent_id"),
                            rows.getString("state"), rows.getString("reason_code"), rows.getString("reason"), rows.getLong("n"));
                }
            }
        }
    }

    private static void setSpan(PreparedStatement select, WindowParts.Span span) throws SQLException {
        setInstant(select, 1, span.from());
        setInstant(select, 2, span.to());
    }
}
