package org.leadrouter.kpis;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadrouter.kpis.Kpis.Fallback;
import org.leadrouter.kpis.Kpis.FallbackPoint;
import org.leadrouter.routing.FallbackCause;

/**
 * Volume of Fallback-Routed Leads from the per-minute totals the lead writer keeps (lead_minutes),
 * never from the leads themselves: the window is read in whole minutes, the one holding
 * {@code from} included; the whole hours rolled up ({@link WindowParts}) from their hourly sums.
 */
final class FallbackReader {

    private FallbackReader() {
    }

    static PerSegment<Fallback> read(Connection c, KpiWindow window, WindowParts parts) throws SQLException {
        Totals overall = new Totals(window);
        Map<String, Totals> segments = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT minute_at AS at, segment, cause, leads FROM lead_minutes WHERE minute_at >= ? AND minute_at < ?")) {
            for (WindowParts.Span span : parts.rows()) {
                add(select, span.from().truncatedTo(ChronoUnit.MINUTES), span.to(), window, overall, segments);
            }
        }
        if (parts.hours() != null) {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT hour_at AS at, segment, cause, leads FROM lead_hours WHERE hour_at >= ? AND hour_at < ?")) {
                add(select, parts.hours().from(), parts.hours().to(), window, overall, segments);
            }
        }
        Map<String, Fallback> bySegment = new TreeMap<>();
        segments.forEach((segment, totals) -> bySegment.put(segment, totals.fallback()));
        return new PerSegment<>(overall.fallback(), bySegment);
    }

    private static void add(PreparedStatement select, Instant from, Instant to, KpiWindow window, Totals overall,
                            Map<String, Totals> segments) throws SQLException {
        setInstant(select, 1, from);
        setInstant(select, 2, to);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Instant bucket = window.bucketOf(instant(rows, "at"));
                String cause = rows.getString("cause");
                long leads = rows.getLong("leads");
                overall.add(bucket, cause, leads);
                segments.computeIfAbsent(rows.getString("segment"), s -> new Totals(window)).add(bucket, cause, leads);
            }
        }
    }

    static Fallback empty(KpiWindow window) {
        return new Totals(window).fallback();
    }

    private static final class Totals {
        private final Map<String, Long> byCause = new LinkedHashMap<>();
        private final Map<Instant, long[]> trend = new LinkedHashMap<>();
        private long leads;
        private long fallback;

        Totals(KpiWindow window) {
            for (FallbackCause cause : FallbackCause.values()) {
                byCause.put(cause.name(), 0L);
            }
            window.buckets().forEach(at -> trend.put(at, new long[2]));
        }

        void add(Instant bucket, String cause, long count) {
            boolean isFallback = !FallbackCause.NONE.equals(cause);
            leads += count;
            long[] point = trend.computeIfAbsent(bucket, b -> new long[2]);
            point[0] += count;
            if (isFallback) {
                fallback += count;
                point[1] += count;
                byCause.merge(cause, count, Long::sum);
            }
        }

        Fallback fallback() {
            List<FallbackPoint> points = new ArrayList<>();
            trend.forEach((at, p) -> points.add(new FallbackPoint(at, p[0], p[1])));
            return new Fallback(leads, fallback, leads == 0 ? null : (double) fallback / leads, byCause, points);
        }
    }
}
