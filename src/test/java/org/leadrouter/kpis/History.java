package org.leadrouter.kpis;

import static org.leadrouter.db.Timestamps.setInstant;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.leadrouter.intake.LeadRecord;
import org.leadrouter.intake.LeadStore;
import org.leadrouter.lead.Contact;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.routing.RouteDecision;

/**
 * Recorded history built by a test: leads through the lead store (as the lead writer records
 * them, per-minute totals included), work items and offers as assignment leaves them.
 */
public final class History {

    private final DataSource dataSource;
    private final LeadStore leads;
    private int sequence;

    /** Over the service's own store (leads only, unless a data source is given too). */
    public History(DataSource dataSource, LeadStore leads) {
        this.dataSource = dataSource;
        this.leads = leads;
    }

    /** A lead recorded at {@code at} with this cause (null: routed by a rule), having fired these rules. */
    public String lead(String segment, String at, FallbackCause cause, String... rulesFired) throws SQLException {
        return lead(segment, Instant.parse(at), cause, rulesFired);
    }

    public String lead(String segment, Instant recorded, FallbackCause cause, String... rulesFired) throws SQLException {
        String id = segment + "-" + recorded.toEpochMilli() + "-" + ++sequence;
        LeadInput lead = new LeadInput(id, segment, "web", recorded, "home", "SW1A 1AA", null, null, null,
                (LocalDate) null, (BigDecimal) null, new Contact("Ann Lee", "ann@example.org", null), Map.of());
        RouteDecision decision = new RouteDecision(id, segment, segment + "-general", 3, 0, Map.of(), cause != null, cause,
                "test", List.of(rulesFired), segment + "@test", "LONDON", List.of(), recorded);
        leads.record(List.of(new LeadRecord(lead, decision, recorded)));
        return id;
    }

    /** A work item; {@code accepted} may be null (not accepted). */
    public void item(String id, String segment, String state, String received, String accepted, String routingRule)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                    routing_rule, fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at, accepted_at)
                VALUES (?, ?, ?, ?, '{}', FALSE, 3, 0, ?, FALSE, ?, 0, FALSE, ?, ?, ?, ?, ?)""")) {
            Instant at = Instant.parse(received);
            insert.setString(1, id);
            insert.setString(2, segment);
            insert.setString(3, segment + "-general");
            insert.setString(4, segment + "-general");
            insert.setString(5, routingRule);
            insert.setString(6, state);
            setInstant(insert, 7, at);
            setInstant(insert, 8, at);
            setInstant(insert, 9, at);
            setInstant(insert, 10, at.plusSeconds(1800));
            setInstant(insert, 11, accepted == null ? null : Instant.parse(accepted));
            insert.executeUpdate();
        }
    }

    public void agent(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units)
                VALUES (?, ?, 4, 'Europe/London', 'MON-FRI 09:00-17:30', 'ONLINE', CURRENT_TIMESTAMP, 0)""")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.executeUpdate();
        }
    }

    /** An offer of an item to an agent, closed at {@code closed} (null: still open). */
    public void offer(String workId, String agent, String queue, String state, String reason, String closed) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO offers (work_id, segment, agent_id, queue, state, reason, offered_at, expires_at, closed_at)
                VALUES (?, (SELECT segment FROM work_items WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)""")) {
            Instant at = closed == null ? Instant.parse("2026-11-25T10:59:00Z") : Instant.parse(closed);
            insert.setString(1, workId);
            insert.setString(2, workId);
            insert.setString(3, agent);
            insert.setString(4, queue);
            insert.setString(5, state);
            insert.setString(6, reason);
            setInstant(insert, 7, at.minusSeconds(5));
            setInstant(insert, 8, at.plusSeconds(60));
            setInstant(insert, 9, closed == null ? null : at);
            insert.executeUpdate();
        }
    }

    /** The item's offers as made before offers kept their segment (schema V92): without one. */
    public void offersWithoutSegment(String workId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE offers SET segment = NULL WHERE work_id = ?")) {
            update.setString(1, workId);
            update.executeUpdate();
        }
    }
}
