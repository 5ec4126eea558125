package org.leadrouter.kpis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a window's time to assign and acceptance are read from: the hourly totals for the whole
 * hours already rolled up, the rows themselves for the rest (the window's partial first hour and
 * everything after the roll-up). A window with minute buckets reads rows only: its trend needs them.
 */
record WindowParts(List<Span> rows, Span hours) {

    /** [from, to). */
    record Span(Instant from, Instant to) {
    }

    static WindowParts of(KpiWindow window, Instant rolledTo) {
        Span whole = new Span(window.from(), window.to());
        if (rolledTo == null || window.bucket().compareTo(Duration.ofHours(1)) < 0) {
            return new WindowParts(List.of(whole), null);
        }
        Instant firstWholeHour = window.from().truncatedTo(ChronoUnit.HOURS);
        if (firstWholeHour.isBefore(window.from())) {
            firstWholeHour = firstWholeHour.plus(Duration.ofHours(1));
        }
        Instant lastWholeHourEnd = window.to().truncatedTo(ChronoUnit.HOURS);
        Instant hoursEnd = rolledTo.isBefore(lastWholeHourEnd) ? rolledTo : lastWholeHourEnd;
        if (!firstWholeHour.isBefore(hoursEnd)) {
            return new WindowParts(List.of(whole), null);
        }
        List<Span> rows = new ArrayList<>();
        if (window.from().isBefore(firstWholeHour)) {
            rows.add(new Span(window.from(), firstWholeHour));
        }
        if (hoursEnd.isBefore(window.to())) {
            rows.add(new Span(hoursEnd, window.to()));
        }
        return new WindowParts(rows, new Span(firstWholeHour, hoursEnd));
    }
}
