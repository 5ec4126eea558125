package org.leadrouter.kpis;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

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
import org.leadrouter.kpis.Kpis.TimePoint;
import org.leadrouter.kpis.Kpis.TimeToAssign;
import org.leadrouter.kpis.Kpis.Unassigned;

/**
 * Time to Assign (received → accepted) of the items accepted in the window, and the items not yet
 * accepted now. Reads one row per accepted item through the accepted_at index, or the hourly
 * totals for the hours rolled up ({@link WindowParts}); either way to two significant figures.
 */
final class TimeToAssignReader {

    /** The items accepted in [?, ?): read here, rolled up by the hour. */
    static final String ACCEPTED_ITEMS =
            "SELECT segment, received_at, accepted_at FROM work_items WHERE accepted_at >= ? AND accepted_at < ?";

    private TimeToAssignReader() {
    }

    /** An accepted item's time to assign, rounded as every figure is. */
    static long millis(ResultSet acceptedItem) throws SQLException {
        Instant accepted = instant(acceptedItem, "accepted_at");
        return TwoFigures.of(Math.max(0, Duration.between(instant(acceptedItem, "received_at"), accepted).toMillis()));
    }

    static PerSegment<TimeToAssign> read(Connection c, KpiWindow window, WindowParts parts) throws SQLException {
        Distribution all = new Distribution();
        Map<String, Distribution> bySegment = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(ACCEPTED_ITEMS)) {
            for (WindowParts.Span span : parts.rows()) {
                setInstant(select, 1, span.from());
                setInstant(select, 2, span.to());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        add(all, bySegment, rows.getString("segment"), window.bucketOf(instant(rows, "accepted_at")),
                                millis(rows), 1);
                    }
                }
            }
        }
        if (parts.hours() != null) {
            // One grouped read per trend bucket: H2 adds up a week of hourly rows far faster than they can be fetched.
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT segment, millis, SUM(items) AS items FROM assign_hours
                    WHERE hour_at >= ? AND hour_at < ? GROUP BY segment, millis""")) {
                List<Instant> buckets = window.buckets();
                for (int i = 0; i < buckets.size(); i++) {
                    Instant from = later(buckets.get(i), parts.hours().from());
                    Instant to = earlier(i + 1 < buckets.size() ? buckets.get(i + 1) : window.to(), parts.hours().to());
                    if (!from.isBefore(to)) {
                        continue;
                    }
                    setInstant(select, 1, from);
                    setInstant(select, 2, to);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            add(all, bySegment, rows.getString("segment"), buckets.get(i), rows.getLong("millis"),
                                    rows.getLong("items"));
                        }
                    }
                }
            }
        }
        Map<String, TimeToAssign> segments = new TreeMap<>();
        bySegment.forEach((segment, distribution) -> segments.put(segment, distribution.summary()));
        return new PerSegment<>(all.summary(), segments);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void add(Distribution all, Map<String, Distribution> bySegment, String segment, Instant bucket,
                            long millis, long count) {
        all.add(bucket, millis, count);
        bySegment.computeIfAbsent(segment, s -> new Distribution()).add(bucket, millis, count);
    }

    static PerSegment<Unassigned> unassigned(Connection c, Instant now) throws SQLException {
        long count = 0;
        Instant oldest = null;
        Map<String, Unassigned> segments = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT segment, COUNT(*) AS n, MIN(received_at) AS oldest FROM work_items
                WHERE state IN ('WAITING', 'OFFERED', 'ESCALATED') GROUP BY segment""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Instant segmentOldest = instant(rows, "oldest");
                segments.put(rows.getString("segment"), new Unassigned(rows.getLong("n"), age(segmentOldest, now)));
                count += rows.getLong("n");
                oldest = oldest == null || segmentOldest.isBefore(oldest) ? segmentOldest : oldest;
            }
        }
        return new PerSegment<>(new Unassigned(count, oldest == null ? null : age(oldest, now)), segments);
    }

    private static Long age(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** A segment's (or all) times to assign, overall and per trend bucket. */
    private static final class Distribution {
        private final DurationHistogram overall = new DurationHistogram();
        private final Map<Instant, DurationHistogram> byBucket = new TreeMap<>();

        void add(Instant bucket, long millis, long count) {
            overall.add(millis, count);
            byBucket.computeIfAbsent(bucket, b -> new DurationHistogram()).add(millis, count);
        }

        TimeToAssign summary() {
            if (overall.count() == 0) {
                return new TimeToAssign(0, null, null, null, List.of());
            }
            List<TimePoint> trend = new ArrayList<>();
            byBucket.forEach((at, h) -> trend.add(new TimePoint(at, h.count(), h.percentile(50), h.percentile(90))));
            return new TimeToAssign(overall.count(), overall.percentile(50), overall.percentile(90), overall.percentile(99),
                    trend);
        }
    }
}
