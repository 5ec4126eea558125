import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * Loads a history of N leads spread evenly over the last D days straight into a new H2 database
 * for the service, with what the service itself would have recorded: the lead and its
 * decision with a fallback cause, the per-minute totals, a work item per lead (accepted a few
 * seconds to minutes later, the last ten minutes' partly still waiting) and its offers (a quarter
 * declined or timed out before the accepting one). Seeded: every run loads the same history.
 *
 * <pre>java -cp "$(cat classpath.txt)" bench/console/ConsoleHistory.java DATA_DIR 1000000 30</pre>
 */
public class ConsoleHistory {

    private static final int BATCH = 5_000;
    private static final int AGENTS = 200;
    private static final String[] SEGMENTS = {"insurance", "insurance", "insurance", "telecoms", "telecoms"};
    private static final String[] CAUSES = {"NO_RULE_MATCHED", "NO_RULE_MATCHED", "NO_RULE_MATCHED", "NO_RULE_MATCHED",
            "INCOMPLETE_DATA", "INCOMPLETE_DATA", "RULE_FAILED", "ENRICHMENT_DEGRADED", "UNKNOWN_SEGMENT", "SEGMENT_FAILED"};
    private static final String[] RULES = {"Score: from our website", "Gold customers go to the priority desk",
            "Life and protection need an FCA-authorised adviser", "Platinum customers go to the priority desk",
            "Motor in London", "Home in Scotland", "Catch-all", "Review: no product"};

    public static void main(String[] args) throws SQLException {
        String url = "jdbc:h2:file:" + args[0] + "/leadrouter";
        int leads = Integer.parseInt(args[1]);
        Duration span = Duration.ofDays(Integer.parseInt(args[2]));
        Instant end = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant start = end.minus(span);
        long stepNanos = span.toNanos() / leads;
        Random random = new Random(7);
        long began = System.nanoTime();
        // The service's own migrations for H2 make the schema, as its first start would.
        Flyway.configure().dataSource(url, "sa", "")
                .locations("filesystem:src/main/resources/db/migration", "filesystem:src/main/resources/db/h2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            agents(c);
            Map<String, Long> leadMinutes = new HashMap<>();
            Map<String, Object[]> ruleMinutes = new HashMap<>();
            try (PreparedStatement lead = c.prepareStatement("""
                    INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score, required_skills,
                        fallback, reason, rules_fired, ruleset_version, region, degraded, decided_at, fallback_cause)
                    VALUES (?, ?, ?, ?, ?, ?, 3, 40, '{}', ?, 'bench', ?, ?, 'LONDON', '[]', ?, ?)""");
                 PreparedStatement item = c.prepareStatement("""
                    INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                        routing_rule, fallback, state, agent_id, attempts, escalated, received_at, routed_at, created_at,
                        sla_due_at, first_offered_at, accepted_at)
                    VALUES (?, ?, ?, ?, '{}', FALSE, 3, 40, ?, ?, ?, ?, 0, FALSE, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement offer = c.prepareStatement("""
                    INSERT INTO offers (work_id, agent_id, queue, state, reason, offered_at, expires_at, closed_at, segment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < leads; i++) {
                    Instant recorded = start.plusNanos(stepNanos * i);
                    String id = "bench-" + i;
                    String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
                    String queue = segment + "-q" + random.nextInt(6);
                    String cause = random.nextInt(100) < 4 ? CAUSES[random.nextInt(CAUSES.length)] : null;
                    String rule = RULES[1 + random.nextInt(RULES.length - 1)];
                    lead.setString(1, id);
                    lead.setString(2, segment);
                    at(lead, 3, recorded.minusSeconds(1));
                    at(lead, 4, recorded);
                    lead.setString(5, "{\"id\":\"" + id + "\",\"segment\":\"" + segment + "\",\"source\":\"web\",\"product\":\"home\","
                            + "\"postcode\":\"SW1A 1AA\",\"contact\":{\"name\":\"Ann Lee\",\"email\":\"ann@example.org\"}}");
                    lead.setString(6, queue);
                    lead.setBoolean(7, cause != null);
                    lead.setString(8, "[\"" + RULES[0] + "\",\"" + rule + "\"]");
                    lead.setString(9, segment + "@bench");
                    at(lead, 10, recorded);
                    lead.setString(11, cause);
                    lead.addBatch();
                    Instant minute = recorded.truncatedTo(ChronoUnit.MINUTES);
                    leadMinutes.merge(minute + "|" + segment + "|" + (cause == null ? "NONE" : cause), 1L, Long::sum);
                    for (String fired : List.of(RULES[0], rule)) {
                        ruleMinutes.merge(minute + "|" + segment + "|" + fired, new Object[] {1L, recorded},
                                (a, b) -> new Object[] {(Long) a[0] + 1, b[1]});
                    }

                    boolean waiting = Duration.between(recorded, end).toMinutes() < 10 && random.nextInt(10) < 3;
                    Instant accepted = waiting ? null : recorded.plusSeconds(5 + random.nextInt(115)).plusMillis(random.nextInt(1000));
                    String agent = "agent-" + random.nextInt(AGENTS);
                    item.setString(1, id);
                    item.setString(2, segment);
                    item.setString(3, queue);
                    item.setString(4, queue);
                    item.setString(5, rule);
                    item.setBoolean(6, cause != null);
                    item.setString(7, waiting ? "WAITING" : accepted.isBefore(end.minus(Duration.ofHours(1))) ? "COMPLETED" : "ACCEPTED");
                    item.setString(8, waiting ? null : agent);
                    at(item, 9, recorded.minusSeconds(1));
                    at(item, 10, recorded);
                    at(item, 11, recorded);
                    at(item, 12, recorded.plus(Duration.ofMinutes(30)));
                    at(item, 13, waiting ? null : recorded.plusSeconds(1));
                    at(item, 14, accepted);
                    item.addBatch();
                    if (!waiting) {
                        if (random.nextInt(4) == 0) {
                            boolean declined = random.nextBoolean();
                            addOffer(offer, id, segment, "agent-" + random.nextInt(AGENTS), queue, declined ? "DECLINED" : "TIMED_OUT",
                                    declined ? (random.nextBoolean() ? "busy" : "wrong skills") : null, recorded.plusSeconds(1),
                                    recorded.plusSeconds(declined ? 3 : 61).isBefore(accepted) ? recorded.plusSeconds(declined ? 3 : 61) : accepted);
                        }
                        addOffer(offer, id, segment, agent, queue, "ACCEPTED", null, recorded.plusSeconds(2), accepted);
                    }
                    if ((i + 1) % BATCH == 0 || i == leads - 1) {
                        lead.executeBatch();
                        item.executeBatch();
                        offer.executeBatch();
                        c.commit();
                        if ((i + 1) % 100_000 == 0) {
                            System.err.printf("%,d leads loaded (%d s)%n", i + 1, (System.nanoTime() - began) / 1_000_000_000);
                        }
                    }
                }
            }
            totals(c, leadMinutes, ruleMinutes);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        System.out.printf("loaded %,d leads over %d days ending %s in %d s%n", leads, span.toDays(), end,
                (System.nanoTime() - began) / 1_000_000_000);
    }

    private static void agents(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units)
                VALUES (?, ?, 4, 'Europe/London', 'MON-SUN 00:00-24:00', ?, CURRENT_TIMESTAMP, ?)""")) {
            for (int a = 0; a < AGENTS; a++) {
                insert.setString(1, "agent-" + a);
                insert.setString(2, "Agent " + a);
                insert.setString(3, a % 4 == 0 ? "OFFLINE" : "ONLINE");
                insert.setInt(4, a % 3);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void totals(Connection c, Map<String, Long> leadMinutes, Map<String, Object[]> ruleMinutes) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO lead_minutes (minute_at, segment, cause, leads) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Long> e : leadMinutes.entrySet()) {
                String[] key = e.getKey().split("\\|");
                at(insert, 1, Instant.parse(key[0]));
                insert.setString(2, key[1]);
                insert.setString(3, key[2]);
                insert.setLong(4, e.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO rule_minutes (minute_at, segment, rule, fired, last_fired_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Object[]> e : ruleMinutes.entrySet()) {
                String[] key = e.getKey().split("\\|");
                at(insert, 1, Instant.parse(key[0]));
                insert.setString(2, key[1]);
                insert.setString(3, key[2]);
                insert.setLong(4, (Long) e.getValue()[0]);
                at(insert, 5, (Instant) e.getValue()[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void addOffer(PreparedStatement offer, String id, String segment, String agent, String queue, String state,
                                 String reason, Instant offered, Instant closed) throws SQLException {
        offer.setString(1, id);
        offer.setString(2, agent);
        offer.setString(3, queue);
        offer.setString(4, state);
        offer.setString(5, reason);
        at(offer, 6, offered);
        at(offer, 7, offered.plusSeconds(60));
        at(offer, 8, closed);
        offer.setString(9, segment);
        offer.addBatch();
    }

    private static void at(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
