package org.leadrouter.assignment.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadrouter.problem.FieldProblem;

class WorkingHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void shiftsAreInTheAgentsZoneAcrossSummerTime() {
        WorkingHours hours = parse(LONDON, "MON-FRI 09:00-17:30", "sat 10:00-14:00");

        // 08:30 UTC is 09:30 in London in June (BST) but 08:30 in January (GMT).
        assertTrue(hours.isWorking(Instant.parse("2026-06-10T08:30:00Z"), Set.of()));
        assertFalse(hours.isWorking(Instant.parse("2026-01-14T08:30:00Z"), Set.of()));
        assertTrue(hours.isWorking(Instant.parse("2026-01-17T13:59:00Z"), Set.of()), "Saturday shift");
        assertFalse(hours.isWorking(Instant.parse("2026-01-17T14:00:00Z"), Set.of()), "the end is exclusive");
        assertFalse(hours.isWorking(Instant.parse("2026-01-18T12:00:00Z"), Set.of()), "Sunday");
        assertFalse(hours.isWorking(Instant.parse("2026-12-25T12:00:00Z"), Set.of(LocalDate.of(2026, 12, 25))));
        assertEquals(List.of("MON-FRI 09:00-17:30", "SAT 10:00-14:00"), hours.texts());
    }

    @Test
    void aWholeDayAndAWrappingDayRange() {
        WorkingHours hours = parse(LONDON, "FRI-MON 00:00-24:00");

        assertTrue(hours.isWorking(Instant.parse("2026-01-18T23:59:00Z"), Set.of()), "Sunday");
        assertTrue(hours.isWorking(Instant.parse("2026-01-19T00:00:00Z"), Set.of()), "Monday");
        assertFalse(hours.isWorking(Instant.parse("2026-01-20T12:00:00Z"), Set.of()), "Tuesday");
    }

    @Test
    void badShiftsAreNamedByIndex() {
        List<FieldProblem> problems = new ArrayList<>();
        assertNull(WorkingHours.parse(LONDON, List.of("MON-FRI 09:00-17:30", "XYZ 09:00-10:00", "MON 18:00-09:00",
                "TUE 25:00-26:00"), "hours", problems));
        assertEquals(List.of("hours[1]", "hours[2]", "hours[3]"), problems.stream().map(FieldProblem::field).toList());
    }

    private static WorkingHours parse(ZoneId zone, String... shifts) {
        List<FieldProblem> problems = new ArrayList<>();
        WorkingHours hours = WorkingHours.parse(zone, List.of(shifts), "hours", problems);
        assertEquals(List.of(), problems);
        return hours;
    }
}
