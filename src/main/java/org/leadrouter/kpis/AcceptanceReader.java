package org.leadrouter.kpis;

import static org.leadrouter.assignment.AssignmentDb.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.leadrouter.kpis.Kpis.Acceptance;
import org.leadrouter.kpis.Kpis.Rate;

/**
 * Lead Acceptance Rate of the offers closed in the window, counted by {@link OfferTally}'s rule.
 * Reads the offers themselves, or the hourly totals for the hours rolled up ({@link WindowParts}).
 */
final class AcceptanceReader {

    /**
     * The closed offers of [?, ?) per segment, queue, agent, outcome, reason code and reason: read
     * here, rolled up by the hour.
     */
    static final String CLOSED_OFFERS = """
            w.segment, o.queue, o.agent_id, o.state, o.reason_code, o.reason, COUNT(*) AS n
            FROM offers o JOIN work_items w ON w.id = o.work_id
            WHERE o.closed_at >= ? AND o.closed_at < ? AND o.state <> 'OPEN'
            GROUP BY w.segment, o.queue, o.agent_id, o.state, o.reason_code, o.reason""";

    private AcceptanceReader() {
    }

    static PerSegment<Acceptance> read(Connection c, WindowParts parts) throws SQLException {
        List<Closed> closed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + CLOSED_OFFERS)) {
            for (WindowParts.Span span : parts.rows()) {
                collect(select, span, closed);
            }
        }
        if (parts.hours() != null) {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT segment, queue, agent_id, state, reason_code, reason, SUM(offers) AS n FROM offer_hours
                    WHERE hour_at >= ? AND hour_at < ? GROUP BY segment, queue, agent_id, state, reason_code, reason""")) {
                collect(select, parts.hours(), closed);
            }
        }
        Map<String, List<Closed>> bySegment = new TreeMap<>();
        closed.forEach(o -> bySegment.computeIfAbsent(o.segment(), s -> new ArrayList<>()).add(o));
        Map<String, Acceptance> segments = new TreeMap<>();
        bySegment.forEach((segment, offers) -> segments.put(segment, summary(offers, false)));
        return new PerSegment<>(summary(closed, true), segments);
    }

    private static void collect(PreparedStatement select, WindowParts.Span span, List<Closed> closed) throws SQLException {
        setInstant(select, 1, span.from());
        setInstant(select, 2, span.to());
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                closed.add(new Closed(rows.getString("segment"), rows.getString("queue"), rows.getString("agent_id"),
                        rows.getString("state"), rows.getString("reason_code"), rows.getString("reason"), rows.getLong("n")));
            }
        }
    }

    /** Per queue and agent in the overall block only: the same agents and queues serve several segments. */
    private static Acceptance summary(List<Closed> offers, boolean breakdowns) {
        OfferTally total = new OfferTally();
        Map<String, Long> reasons = new TreeMap<>();
        for (Closed o : offers) {
            total.add(o.state(), o.count());
            if (o.state().equals("DECLINED")) {
                OfferTally.addReason(reasons, o.reasonCode(), o.reason(), o.count());
            }
        }
        return new Acceptance(total.offers(), total.accepted(), total.declined(), total.timedOut(), total.withdrawn(), total.rate(),
                reasons, breakdowns ? rates(offers, Closed::queue, true) : List.of(),
                breakdowns ? rates(offers, Closed::agent, false) : List.of());
    }

    private static List<Rate> rates(List<Closed> offers, Function<Closed, String> key, boolean byQueue) {
        Map<String, OfferTally> tallies = new TreeMap<>();
        offers.forEach(o -> tallies.computeIfAbsent(key.apply(o), k -> new OfferTally()).add(o.state(), o.count()));
        List<Rate> rates = new ArrayList<>();
        tallies.forEach((k, t) -> rates.add(new Rate(byQueue ? k : null, byQueue ? null : k, t.offers(), t.accepted(),
                t.declined(), t.timedOut(), t.rate())));
        return rates;
    }

    private record Closed(String segment, String queue, String agent, String state, String reasonCode, String reason,
                          long count) {
    }
}
