package org.leadrouter.intake;

import static org.leadrouter.db.Timestamps.setParameters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadrouter.db.Database;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.routing.RouteDecision;

/**
 * Adds a batch of new leads to the per-minute totals (V40: lead_minutes, rule_minutes) in the
 * batch's own transaction, so the totals never disagree with the leads. A batch is recorded within
 * one minute, so this is a handful of upserts per batch whatever its size. Rows are written in key
 * order: two services on one PostgreSQL then wait for each other instead of deadlocking.
 */
final class MinuteTotals {

    /** One table's three statements, each taking a row's values in the same order (H2's {@code ?n} refer to them). */
    private record Upsert(String postgresql, String update, String insert) {
    }

    private static final Upsert LEAD_MINUTES = new Upsert("""
            INSERT INTO lead_minutes (minute_at, segment, cause, leads) VALUES (?, ?, ?, ?)
            ON CONFLICT (minute_at, segment, cause) DO UPDATE SET leads = lead_minutes.leads + EXCLUDED.leads""",
            "UPDATE lead_minutes SET leads = leads + ?4 WHERE minute_at = ?1 AND segment = ?2 AND cause = ?3",
            "INSERT INTO lead_minutes (minute_at, segment, cause, leads) VALUES (?, ?, ?, ?)");

    private static final Upsert RULE_MINUTES = new Upsert("""
            INSERT INTO rule_minutes (minute_at, segment, rule, fired, last_fired_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (segment, minute_at, rule) DO UPDATE SET fired = rule_minutes.fired + EXCLUDED.fired,
                last_fired_at = GREATEST(rule_minutes.last_fired_at, EXCLUDED.last_fired_at)""",
            """
            UPDATE rule_minutes SET fired = fired + ?4, last_fired_at = GREATEST(last_fired_at, ?5)
            WHERE minute_at = ?1 AND segment = ?2 AND rule = ?3""",
            "INSERT INTO rule_minutes (minute_at, segment, rule, fired, last_fired_at) VALUES (?, ?, ?, ?, ?)");

    private final Database database;

    MinuteTotals(Database database) {
        this.database = database;
    }

    void add(Connection connection, Collection<LeadRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Map<LeadKey, Long> leads = new TreeMap<>();
        Map<RuleKey, RuleCount> rules = new TreeMap<>();
        for (LeadRecord record : records) {
            Instant minute = record.recordedAt().truncatedTo(ChronoUnit.MINUTES);
            RouteDecision decision = record.decision();
            FallbackCause cause = decision.fallbackCause();
            leads.merge(new LeadKey(minute, decision.segment(), cause == null ? FallbackCause.NONE : cause.name()), 1L, Long::sum);
            for (String rule : decision.rulesFired()) {
                rules.merge(new RuleKey(decision.segment(), minute, rule), new RuleCount(1, record.recordedAt()), RuleCount::plus);
            }
        }
        List<Object[]> leadRows = new ArrayList<>();
        leads.forEach((key, count) -> leadRows.add(new Object[] {key.minute(), key.segment(), key.cause(), count}));
        upsert(connection, LEAD_MINUTES, leadRows);
        List<Object[]> ruleRows = new ArrayList<>();
        rules.forEach((key, count) -> ruleRows.add(new Object[] {key.minute(), key.segment(), key.rule(), count.fired(), count.last()}));
        upsert(connection, RULE_MINUTES, ruleRows);
    }

    /**
     * Adds the rows (in key order) to their totals. PostgreSQL upserts. H2's only upsert that adds
     * to a total is MERGE ... USING, which plans and runs a query per row (with it, a fifth of the lead
     * writer's allocation samples fell here: docs/performance.md). On H2 the rows are updated by key, and those not
     * there yet inserted; nothing else adds to these totals meanwhile, since the embedded
     * database is this service's alone and only its lead writer adds to them.
     */
    private void upsert(Connection connection, Upsert sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (database == Database.POSTGRESQL) {
            batch(connection, sql.postgresql(), rows);
            return;
        }
        int[] updated = batch(connection, sql.update(), rows);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            batch(connection, sql.insert(), missing);
        }
    }

    private static int[] batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                setParameters(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private record LeadKey(Instant minute, String segment, String cause) implements Comparable<LeadKey> {
        public int compareTo(LeadKey o) {
            int c = minute.compareTo(o.minute);
            c = c != 0 ? c : segment.compareTo(o.segment);
            return c != 0 ? c : cause.compareTo(o.cause);
        }
    }

    private record RuleKey(String segment, Instant minute, String rule) implements Comparable<RuleKey> {
        public int compareTo(RuleKey o) {
            int c = segment.compareTo(o.segment);
            c = c != 0 ? c : minute.compareTo(o.minute);
            return c != 0 ? c : rule.compareTo(o.rule);
        }
    }

    private record RuleCount(long fired, Instant last) {
        RuleCount plus(RuleCount other) {
            return new RuleCount(fired + other.fired, last.isAfter(other.last) ? last : other.last);
        }
    }
}
