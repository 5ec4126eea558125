package org.leadrouter.assignment.agents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadrouter.assignment.AssignmentConfig;
import org.leadrouter.problem.FieldProblem;

/**
 * When an agent works, in their own time zone: shifts written as {@code "MON-FRI 09:00-17:30"}
 * (days as a range or a single day, then from-to; "24:00" ends at midnight). Shifts do not cross
 * midnight: write a night shift as two. Bank holidays are off for everyone.
 */
public record WorkingHours(ZoneId zone, List<Shift> shifts) {

    public static final List<String> DEFAULT = List.of("MON-FRI 09:00-17:30");

    private static final Pattern SHIFT = Pattern.compile(
            "([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    public WorkingHours {
        shifts = List.copyOf(shifts);
    }

    /** One shift: these days, from minute {@code from} to minute {@code to} of the day (0-1440). */
    public record Shift(Set<DayOfWeek> days, int from, int to, String text) {
    }

    /** Parses shift texts; each bad one is added to {@code problems} as field[i], and the result is then null. */
    public static WorkingHours parse(ZoneId zone, List<String> texts, String field, List<FieldProblem> problems) {
        int before = problems.size();
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i).trim();
            Shift shift = shift(text);
            if (shift == null) {
                problems.add(new FieldProblem(field + "[" + i + "]",
                        "'" + text + "' is not a shift like 'MON-FRI 09:00-17:30' (from before to, 00:00-24:00)"));
            } else {
                shifts.add(shift);
            }
        }
        return problems.size() > before ? null : new WorkingHours(zone, shifts);
    }

    private static Shift shift(String text) {
        Matcher m = SHIFT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        DayOfWeek first = day(m.group(1));
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
        int from = minutes(m.group(3), m.group(4));
        int to = minutes(m.group(5), m.group(6));
        if (first == null || last == null || from < 0 || to < 0 || from >= to) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                break;
            }
        }
        return new Shift(days, from, to, text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            return -1;
        }
        return h * 60 + m;
    }

    /** The configured days on which nobody works, whatever their hours. */
    public static Set<LocalDate> bankHolidays(AssignmentConfig config) {
        return Set.copyOf(config.bankHolidays().orElse(List.of()));
    }

    public boolean isWorking(Instant at, Set<LocalDate> bankHolidays) {
        ZonedDateTime local = at.atZone(zone);
        if (bankHolidays.contains(local.toLocalDate())) {
            return false;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        return shifts.stream().anyMatch(s -> s.days().contains(local.getDayOfWeek()) && minute >= s.from() && minute < s.to());
    }

    @JsonValue
    public List<String> texts() {
        return shifts.stream().map(Shift::text).toList();
    }
}
