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
 * Lead Acceptance Rate of the offers closed in the window: accepted ÷ (accepted + declined + timed
 * out). A withdrawn offer (the item went elsewhere before the agent could answer) counts against nobody.
 * Reads the offers themselves, or the hourly totals for the hours rolled up ({@link WindowParts}).
 */
final class AcceptanceReader {

    static final String NO_REASON = "(no reason given)";

    /** The closed offers of [?, ?) per segment, queue, agent, outcome and reason: read here, rolled up by the hour. */
    static final String CLOSED_OFFERS = """
            w.segment, o.queue, o.agent_id, o.state, o.reason, COUNT(*) AS n
            FROM offers o JOIN work_items w ON w.id = o.work_id
            WHERE o.closed_at >= ? AND o.closed_at < ? AND o.state <> 'OPEN'
            GROUP BY w.segment, o.queue, o.agent_id, o.state, o.reason""";

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
                    SELECT segment, queue, agent_id, state, reason, SUM(offers) AS n FROM offer_hours
                    WHERE hour_at >= ? AND hour_at < ? GROUP BY segment, queue, agent_id, state, reason""")) {
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
                        rows.getString("state"), rows.getString("reason"), rows.getLong("n")));
            }
        }
    }

    /** Per queue and agent in the overall block only: the same agents and queues serve several segments. */
    private static Acceptance summary(List<Closed> offers, boolean breakdowns) {
        Tally total = new Tally();
        Map<String, Long> reasons = new TreeMap<>();
        for (Closed o : offers) {
            total.add(o);
            if (o.state().equals("DECLINED")) {
                reasons.merge(o.reason() == null || o.reason().isBlank() ? NO_REASON : o.reason(), o.count(), Long::sum);
            }
        }
        return new Acceptance(total.offers(), total.accepted, total.declined, total.timedOut, total.withdrawn, total.rate(),
                reasons, breakdowns ? rates(offers, Closed::queue, true) : List.of(),
                breakdowns ? rates(offers, Closed::agent, false) : List.of());
    }

    private static List<Rate> rates(List<Closed> offers, Function<Closed, String> key, boolean byQueue) {
        Map<String, Tally> tallies = new TreeMap<>();
        offers.forEach(o -> tallies.computeIfAbsent(key.apply(o), k -> new Tally()).add(o));
        List<Rate> rates = new ArrayList<>();
        tallies.forEach((k, t) -> rates.add(new Rate(byQueue ? k : null, byQueue ? null : k, t.offers(), t.accepted,
                t.declined, t.timedOut, t.rate())));
        return rates;
    }

    private record Closed(String segment, String queue, String agent, String state, String reason, long count) {
    }

    private static final class Tally {
        long accepted;
        long declined;
        long timedOut;
        long withdrawn;

        void add(Closed o) {
            switch (o.state()) {
                case "ACCEPTED" -> accepted += o.count();
                case "DECLINED" -> declined += o.count();
                case "TIMED_OUT" -> timedOut += o.count();
                default -> withdrawn += o.count();
            }
        }

        long offers() {
            return accepted + declined + timedOut;
        }

        Double rate() {
            return offers() == 0 ? null : (double) accepted / offers();
        }
    }
}
