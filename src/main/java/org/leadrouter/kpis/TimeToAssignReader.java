package org.leadrouter.kpis;

import static org.leadrouter.assignment.AssignmentDb.instant;
import static org.leadrouter.assignment.AssignmentDb.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadrouter.kpis.Kpis.TimePoint;
import org.leadrouter.kpis.Kpis.TimeToAssign;
import org.leadrouter.kpis.Kpis.Unassigned;

/**
 * Time to Assign (received → accepted) of the items accepted in the window, and the items not yet
 * accepted now. Reads one row per accepted item through the accepted_at index.
 */
final class TimeToAssignReader {

    private TimeToAssignReader() {
    }

    static PerSegment<TimeToAssign> read(Connection c, KpiWindow window) throws SQLException {
        List<Sample> all = new ArrayList<>();
        Map<String, List<Sample>> bySegment = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT segment, received_at, accepted_at FROM work_items WHERE accepted_at >= ? AND accepted_at < ?")) {
            setInstant(select, 1, window.from());
            setInstant(select, 2, window.to());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant accepted = instant(rows, "accepted_at");
                    Sample sample = new Sample(window.bucketOf(accepted),
                            Math.max(0, Duration.between(instant(rows, "received_at"), accepted).toMillis()));
                    all.add(sample);
                    bySegment.computeIfAbsent(rows.getString("segment"), s -> new ArrayList<>()).add(sample);
                }
            }
        }
        Map<String, TimeToAssign> segments = new TreeMap<>();
        bySegment.forEach((segment, samples) -> segments.put(segment, summary(samples)));
        return new PerSegment<>(summary(all), segments);
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

    private static TimeToAssign summary(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new TimeToAssign(0, null, null, null, List.of());
        }
        long[] all = sorted(samples);
        Map<Instant, List<Sample>> byBucket = new TreeMap<>();
        samples.forEach(s -> byBucket.computeIfAbsent(s.bucket(), b -> new ArrayList<>()).add(s));
        List<TimePoint> trend = new ArrayList<>();
        byBucket.forEach((at, inBucket) -> {
            long[] values = sorted(inBucket);
            trend.add(new TimePoint(at, values.length, Percentiles.of(values, 50), Percentiles.of(values, 90)));
        });
        return new TimeToAssign(all.length, Percentiles.of(all, 50), Percentiles.of(all, 90), Percentiles.of(all, 99), trend);
    }

    private static long[] sorted(List<Sample> samples) {
        long[] values = samples.stream().mapToLong(Sample::millis).toArray();
        Arrays.sort(values);
        return values;
    }

    private record Sample(Instant bucket, long millis) {
    }
}
