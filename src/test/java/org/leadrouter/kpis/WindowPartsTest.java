package org.leadrouter.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadrouter.kpis.WindowParts.Span;

class WindowPartsTest {

    private static Instant at(String time) {
        return Instant.parse("2026-11-25T" + time + "Z");
    }

    private static KpiWindow window(String from, String to) {
        return KpiWindow.of(at(from), at(to), ZoneOffset.UTC);
    }

    @Test
    void wholeRolledHoursComeFromTheTotalsAndTheEdgesFromTheRows() {
        WindowParts parts = WindowParts.of(window("07:30:00", "11:17:00"), at("11:00:00"));
        assertEquals(new Span(at("08:00:00"), at("11:00:00")), parts.hours());
        assertEquals(List.of(new Span(at("07:30:00"), at("08:00:00")), new Span(at("11:00:00"), at("11:17:00"))),
                parts.rows());
    }

    @Test
    void hoursNotYetRolledAreReadFromTheRows() {
        WindowParts parts = WindowParts.of(window("07:00:00", "11:17:00"), at("09:00:00"));
        assertEquals(new Span(at("07:00:00"), at("09:00:00")), parts.hours());
        assertEquals(List.of(new Span(at("09:00:00"), at("11:17:00"))), parts.rows());
    }

    @Test
    void aWindowWithMinuteBucketsOrNothingRolledReadsOnlyRows() {
        KpiWindow hour = window("09:30:00", "11:30:00");
        assertNull(WindowParts.of(hour, at("11:00:00")).hours());
        assertEquals(List.of(new Span(hour.from(), hour.to())), WindowParts.of(hour, at("11:00:00")).rows());
        KpiWindow day = window("00:00:00", "11:30:00");
        assertNull(WindowParts.of(day, null).hours());
        assertNull(WindowParts.of(day, at("00:00:00")).hours());
    }
}
