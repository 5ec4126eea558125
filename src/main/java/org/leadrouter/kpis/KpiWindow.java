package org.leadrouter.kpis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.leadrouter.problem.FieldProblem;
import org.leadrouter.problem.InstantField;
import org.leadrouter.problem.InvalidRequestException;

/**
 * The time window every figure follows: [from, to), and the size of a trend's buckets, chosen so a
 * chart has tens of points: minutes up to 3 hours, hours up to 3 days, days (local, in the zone) beyond.
 */
public record KpiWindow(Instant from, Instant to, Duration bucket, ZoneId zone) {

    private static final Duration MINUTE_BUCKETS_UP_TO = Duration.ofHours(3);
    private static final Duration HOUR_BUCKETS_UP_TO = Duration.ofDays(3);

    public KpiWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty window " + from + " - " + to);
        }
    }

    public static KpiWindow of(Instant from, Instant to, ZoneId zone) {
        Duration span = Duration.between(from, to);
        Duration bucket = span.compareTo(MINUTE_BUCKETS_UP_TO) <= 0 ? Duration.ofMinutes(1)
                : span.compareTo(HOUR_BUCKETS_UP_TO) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
        return new KpiWindow(from, to, bucket, zone);
    }

    /**
     * From a request: {@code window} (1h, today, 7d) or {@code from}/{@code to} (ISO instants; a
     * missing {@code to} is now). Without either, the last hour. Bad values answer 400 naming the field.
     */
    public static KpiWindow parse(String window, String from, String to, Instant now, ZoneId zone) {
        boolean named = window != null && !window.isBlank();
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = InstantField.parse(from, "from", problems);
        Instant end = InstantField.parse(to, "to", problems);
        if (named && (start != null || end != null)) {
            problems.add(new FieldProblem("window", "give either window or from/to, not both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the window is not valid", problems);
        }
        if (named) {
            return switch (window.trim()) {
                case "1h" -> of(now.minus(Duration.ofHours(1)), now, zone);
                case "today" -> of(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant(), now, zone);
                case "7d" -> of(now.minus(Duration.ofDays(7)), now, zone);
                default -> throw new InvalidRequestException("the window is not valid",
                        List.of(new FieldProblem("window", "must be 1h, today or 7d, was '" + window + "'")));
            };
        }
        end = end == null ? now : end;
        start = start == null ? end.minus(Duration.ofHours(1)) : start;
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("the window is empty", List.of(new FieldProblem("from", "must be before to")));
        }
        return of(start, end, zone);
    }

    /** The start of the trend bucket holding an instant. */
    public Instant bucketOf(Instant at) {
        if (bucket.equals(Duration.ofDays(1))) {
            return LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
        }
        return at.truncatedTo(bucket.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.MINUTES);
    }

    /** Every bucket start of the window, in order: a trend with a point for each, empty ones too. */
    public List<Instant> buckets() {
        List<Instant> starts = new ArrayList<>();
        for (Instant at = bucketOf(from); at.isBefore(to); at = next(at)) {
            starts.add(at);
        }
        return starts;
    }

    private Instant next(Instant bucketStart) {
        // A local day is not always 24 hours: step past the day and take its start.
        return bucket.equals(Duration.ofDays(1)) ? bucketOf(bucketStart.plus(Duration.ofHours(25))) : bucketStart.plus(bucket);
    }
}
