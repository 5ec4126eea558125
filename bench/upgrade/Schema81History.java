import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database as schema version 81 left it (before match keys moved onto the items, V90, and
 * offers kept their segment, V92): N leads with UUID ids, a work item each (a tenth still
 * waiting), three sticky-routing keys each (half of the customers come back) and an accepted
 * offer for each item handled. Seeded: every run loads the same rows.
 *
 * <pre>java -cp "$(cat classpath.txt)" bench/upgrade/Schema81History.java DATA_DIR 1000000</pre>
 */
public class Schema81History {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + args[0] + "/leadrouter";
        int n = Integer.parseInt(args[1]);
        Flyway.configure().dataSource(url, "sa", "").target("81")
                .locations("filesystem:src/main/resources/db/migration", "filesystem:src/main/resources/db/h2").load().migrate();
        Random r = new Random(7);
        Instant start = Instant.now().minus(Duration.ofDays(30));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units) "
                        + "VALUES ('agent-1', 'A', 4, 'Europe/London', 'MON-SUN 00:00-24:00', 'OFFLINE', CURRENT_TIMESTAMP, 0)");
            }
            PreparedStatement lead = c.prepareStatement("""
                INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score, required_skills,
                    fallback, reason, rules_fired, ruleset_version, region, degraded, decided_at, fallback_cause)
                VALUES (?, 'insurance', ?, ?, '{"id":"x"}', 'insurance-q1', 3, 40, '{}', FALSE, 'bench', '[]', 'v', 'LONDON', '[]', ?, NULL)""");
            PreparedStatement item = c.prepareStatement("""
                INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,
                    routing_rule, fallback, state, agent_id, attempts, escalated, received_at, routed_at, created_at,
                    sla_due_at, first_offered_at, accepted_at)
                VALUES (?, ?, 'q', 'q', '{}', FALSE, 3, 40, 'r', FALSE, ?, ?, 0, FALSE, ?, ?, ?, ?, ?, ?)""");
            PreparedStatement key = c.prepareStatement("INSERT INTO work_match_keys (work_id, match_key) VALUES (?, ?)");
            PreparedStatement offer = c.prepareStatement("""
                INSERT INTO offers (work_id, agent_id, queue, state, reason, offered_at, expires_at, closed_at)
                VALUES (?, ?, 'q', 'ACCEPTED', NULL, ?, ?, ?)""");
            for (int i = 0; i < n; i++) {
                String id = UUID.nameUUIDFromBytes(("lead" + i).getBytes()).toString();
                Timestamp t = Timestamp.from(start.plusMillis(i * 2L));
                lead.setString(1, id); lead.setTimestamp(2, t); lead.setTimestamp(3, t); lead.setTimestamp(4, t); lead.addBatch();
                boolean waiting = r.nextInt(10) == 0;
                item.setString(1, id); item.setString(2, r.nextBoolean() ? "insurance" : "telecoms");
                item.setString(3, waiting ? "WAITING" : "COMPLETED"); item.setString(4, waiting ? null : "agent-1");
                item.setTimestamp(5, t); item.setTimestamp(6, t); item.setTimestamp(7, t); item.setTimestamp(8, t);
                item.setTimestamp(9, waiting ? null : t); item.setTimestamp(10, waiting ? null : t); item.addBatch();
                int cust = r.nextInt(n / 2 + 1);
                for (String k : new String[] {"email:c" + cust + "@example.org", "phone:+447700" + cust, "company:co" + (cust % 5000)}) {
                    key.setString(1, id); key.setString(2, k); key.addBatch();
                }
                if (!waiting) {
                    offer.setString(1, id); offer.setString(2, "agent-1"); offer.setTimestamp(3, t); offer.setTimestamp(4, t); offer.setTimestamp(5, t); offer.addBatch();
                }
                if ((i + 1) % 5000 == 0 || i == n - 1) {
                    lead.executeBatch(); item.executeBatch(); key.executeBatch(); offer.executeBatch(); c.commit();
                    if ((i + 1) % 100000 == 0) System.err.printf("%,d (%d s)%n", i + 1, (System.nanoTime() - t0) / 1_000_000_000);
                }
            }
        }
        System.out.println("loaded " + n + " leads in " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
    }
}
