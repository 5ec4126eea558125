package org.leadrouter.intake;

import static org.leadrouter.db.Timestamps.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        try (PreparedStatement upsert = connection.prepareStatement(leadUpsert())) {
            for (Map.Entry<LeadKey, Long> e : leads.entrySet()) {
                setInstant(upsert, 1, e.getKey().minute());
                upsert.setString(2, e.getKey().segment());
                upsert.setString(3, e.getKey().cause());
                upsert.setLong(4, e.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (rules.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(ruleUpsert())) {
            for (Map.Entry<RuleKey, RuleCount> e : rules.entrySet()) {
                setInstant(upsert, 1, e.getKey().minute());
                upsert.setString(2, e.getKey().segment());
                upsert.setString(3, e.getKey().rule());
                upsert.setLong(4, e.getValue().fired());
                setInstant(upsert, 5, e.getValue().last());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private String leadUpsert() {
        return switch (database) {
            case POSTGRESQL -> """
                    INSERT INTO lead_minutes (minute_at, segment, cause, leads) VALUES (?, ?, ?, ?)
                    ON CONFLICT (minute_at, segment, cause) DO UPDATE SET leads = lead_minutes.leads + EXCLUDED.leads""";
            case H2 -> """
                    MERGE INTO lead_minutes t
                    USING (VALUES (CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(32)),
                                   CAST(? AS BIGINT))) AS s (minute_at, segment, cause, leads)
                    ON t.minute_at = s.minute_at AND t.segment = s.segment AND t.cause = s.cause
                    WHEN MATCHED THEN UPDATE SET leads = t.leads + s.leads
                    WHEN NOT MATCHED THEN INSERT (minute_at, segment, cause, leads) VALUES (s.minute_at, s.segment, s.cause, s.leads)""";
        };
    }

    private String ruleUpsert() {
        return switch (database) {
            case POSTGRESQL -> """
                    INSERT INTO rule_minutes (minute_at, segment, rule, fired, last_fired_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (segment, minute_at, rule) DO UPDATE SET fired = rule_minutes.fired + EXCLUDED.fired,
                        last_fired_at = GREATEST(rule_minutes.last_fired_at, EXCLUDED.last_fired_at)""";
            case H2 -> """
                    MERGE INTO rule_minutes t
                    USING (VALUES (CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1024)),
                                   CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (minute_at, segment, rule, fired, last_fired_at)
                    ON t.segment = s.segment AND t.minute_at = s.minute_at AND t.rule = s.rule
                    WHEN MATCHED THEN UPDATE SET fired = t.fired + s.fired, last_fired_at = GREATEST(t.last_fired_at, s.last_fired_at)
                    WHEN NOT MATCHED THEN INSERT (minute_at, segment, rule, fired, last_fired_at)
                        VALUES (s.minute_at, s.segment, s.rule, s.fired, s.last_fired_at)""";
        };
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
