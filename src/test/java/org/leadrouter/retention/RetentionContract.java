package org.leadrouter.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.Transactions;

/**
 * The retention sweep deletes exactly the rows older than the cutoff (a row at the cutoff is
 * kept), and finished work items only, with everything that refers to them. One subclass per
 * database; batches of two, so every table takes several transactions.
 */
abstract class RetentionContract {

    private static final Instant CUTOFF = Instant.parse("2025-10-21T12:00:00Z");
    private static final Instant OLD = CUTOFF.minus(Duration.ofDays(30));

    abstract DataSource dataSource();

    @Test
    void deletesWhatIsOlderThanTheCutoffAndNothingElse() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            execute(c, "INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units)"
                    + " VALUES ('ann', 'Ann', 1, 'UTC', '', 'AVAILABLE', ?, 0)", OLD);
            for (int i = 0; i < 5; i++) {
                lead(c, "motor", "old-" + i, OLD.plus(Duration.ofMinutes(i)));
            }
            lead(c, "motor", "last-old", CUTOFF.minus(1, ChronoUnit.MICROS));
            lead(c, "motor", "at-cutoff", CUTOFF);
            lead(c, "motor", "new", CUTOFF.plus(Duration.ofHours(1)));
            lead(c, "home", "home-new", CUTOFF.plus(Duration.ofHours(2)));
            for (String id : List.of("old-0", "old-1", "old-2")) {
                workItem(c, id, "ACCEPTED", OLD);
            }
            workItem(c, "old-3", "COMPLETED", OLD);
            workItem(c, "old-4", "WAITING", OLD);
            workItem(c, "at-cutoff", "COMPLETED", CUTOFF);
            for (String table : List.of("lead_minutes", "lead_hours")) {
                String at = table.equals("lead_minutes") ? "minute_at" : "hour_at";
                for (Instant when : List.of(OLD, OLD.plus(Duration.ofHours(1)), OLD.plus(Duration.ofHours(2)), CUTOFF)) {
                    execute(c, "INSERT INTO " + table + " (" + at + ", segment, cause, leads) VALUES (?, 'motor', 'NONE', 1)", when);
                }
            }
            for (Instant when : List.of(OLD, OLD.plus(Duration.ofMinutes(1)), OLD.plus(Duration.ofMinutes(2)), CUTOFF)) {
                execute(c, "INSERT INTO rule_minutes (minute_at, segment, rule, fired, last_fired_at) VALUES (?, 'motor', 'R', 1, ?)",
                        when, when);
            }
            execute(c, "INSERT INTO offer_hours (hour_at, dimension, name, accepted, declined, timed_out, withdrawn)"
                    + " VALUES (?, 'agent', 'ann', 1, 0, 0, 0)", OLD);
        }

        RetentionSweep.Deleted deleted = new RetentionSweep(new Transactions(dataSource())).sweep(CUTOFF, 2);

        assertEquals(new RetentionSweep.Deleted(6, 4, 10), deleted);
        try (Connection c = dataSource().getConnection()) {
            assertEquals(List.of("at-cutoff", "home-new", "new"), ids(c, "SELECT id FROM leads ORDER BY id"));
            assertEquals(List.of("at-cutoff", "old-4"), ids(c, "SELECT id FROM work_items ORDER BY id"));
            for (String child : List.of("offers", "work_events", "work_skills", "work_match_keys", "work_relaxation")) {
                assertEquals(List.of("at-cutoff", "old-4"), ids(c, "SELECT work_id FROM " + child + " ORDER BY work_id"), child);
            }
            assertEquals(List.of("1"), ids(c, "SELECT COUNT(*) FROM lead_minutes"));
            assertEquals(List.of("1"), ids(c, "SELECT COUNT(*) FROM lead_hours"));
            assertEquals(List.of("1"), ids(c, "SELECT COUNT(*) FROM rule_minutes"));
            assertEquals(List.of("0"), ids(c, "SELECT COUNT(*) FROM offer_hours"));
        }
    }

    private static void lead(Connection c, String segment, String id, Instant recorded) throws SQLException {
        execute(c, "INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score,"
                + " required_skills, fallback, rules_fired, degraded, decided_at)"
                + " VALUES ('" + id + "', '" + segment + "', ?, ?, '{}', 'q', 0, 0, '', FALSE, '', '', ?)",
                recorded, recorded, recorded);
    }

    private static void workItem(Connection c, String id, String state, Instant routed) throws SQLException {
        execute(c, "INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,"
                + " fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at)"
                + " VALUES ('" + id + "', 'motor', 'q', 'q', '', FALSE, 0, 0, FALSE, '" + state + "', 1, FALSE, ?, ?, ?, ?)",
                routed, routed, routed, routed);
        execute(c, "INSERT INTO offers (work_id, agent_id, queue, state, offered_at, expires_at)"
                + " VALUES ('" + id + "', 'ann', 'q', 'ACCEPTED', ?, ?)", routed, routed);
        execute(c, "INSERT INTO work_events (work_id, happened_at, kind, queue) VALUES ('" + id + "', ?, 'CREATED', 'q')", routed);
        execute(c, "INSERT INTO work_skills (work_id, skill, level) VALUES ('" + id + "', 'motor', 1)");
        execute(c, "INSERT INTO work_match_keys (work_id, match_key) VALUES ('" + id + "', 'email:" + id + "')");
        execute(c, "INSERT INTO work_relaxation (work_id, levels) VALUES ('" + id + "', 1)");
    }

    private static void execute(Connection c, String sql, Instant... instants) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < instants.length; i++) {
                statement.setObject(i + 1, instants[i].atOffset(ZoneOffset.UTC));
            }
            statement.executeUpdate();
        }
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
