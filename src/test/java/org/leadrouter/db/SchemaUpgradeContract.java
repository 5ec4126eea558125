package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Upgrades that move data: a database at the version before a migration gets rows as that
 * version wrote them, then is migrated as the service migrates it at start. One subclass per
 * database.
 */
abstract class SchemaUpgradeContract {

    /** A database with no schema yet. */
    abstract DataSource empty();

    /** Where the service finds this database's migrations. */
    abstract String[] locations();

    /**
     * Match keys moved onto the item (db/migration/V90 and each database's V91): every item's keys
     * are copied into its row, where intake now writes them and the sticky lookup reads them; the
     * key rows of items never accepted go, and accepted items keep theirs.
     */
    @Test
    void keysOfItemsNeverAcceptedMoveOntoTheItemAndAcceptedItemsKeepTheirRows() throws SQLException {
        DataSource dataSource = empty();
        Flyway upgrade = migratedToJustBefore(dataSource, "90");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String id : List.of("waiting", "no-keys", "accepted")) {
                s.execute("INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,"
                        + " fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at)"
                        + " VALUES ('" + id + "', 'motor', 'q', 'q', '{}', FALSE, 1, 1, FALSE, 'WAITING', 0, FALSE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            s.execute("UPDATE work_items SET state = 'ACCEPTED', agent_id = 'ann', accepted_at = CURRENT_TIMESTAMP WHERE id = 'accepted'");
            s.execute("INSERT INTO work_match_keys (work_id, match_key) VALUES ('waiting', 'email:priya@example.com'),"
                    + " ('waiting', 'company:acme \"the\" \\ best'), ('accepted', 'email:priya@example.com')");
        }

        upgrade.migrate();

        try (Connection c = dataSource.getConnection()) {
            WorkStore work = new WorkStore();
            assertEquals(Set.of("email:priya@example.com", "company:acme \"the\" \\ best"), work.matchKeys(c, "waiting"));
            assertEquals(Set.of(), work.matchKeys(c, "no-keys"));
            assertNull(column(c, "no-keys"));
            assertEquals(Set.of("email:priya@example.com"), work.matchKeys(c, "accepted"),
                    "an item accepted, then released, is looked up by its own keys");
            assertEquals(List.of("accepted email:priya@example.com"), keyRows(c),
                    "an accepted item's keys stay where sticky routing finds it");
        }
    }

    /** Offers keep their item's segment (db/migration/V92), so the acceptance KPI needs no join. */
    @Test
    void offersTakeTheSegmentOfTheirItem() throws SQLException {
        DataSource dataSource = empty();
        Flyway upgrade = migratedToJustBefore(dataSource, "92");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units)"
                    + " VALUES ('ann', 'Ann', 1, 'UTC', '', 'ONLINE', CURRENT_TIMESTAMP, 0)");
            for (String segment : List.of("motor", "home")) {
                s.execute("INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,"
                        + " fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at)"
                        + " VALUES ('" + segment + "-lead', '" + segment + "', 'q', 'q', '{}', FALSE, 1, 1, FALSE, 'OFFERED', 0, FALSE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO offers (work_id, agent_id, queue, state, offered_at, expires_at)"
                        + " VALUES ('" + segment + "-lead', 'ann', 'q', 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }

        upgrade.migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT work_id, segment FROM offers ORDER BY work_id")) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2));
            }
            assertEquals(List.of("home-lead home", "motor-lead motor"), found);
        }
    }

    /** Migrates to the last version before {@code version}; answers the Flyway that migrates the rest. */
    private Flyway migratedToJustBefore(DataSource dataSource, String version) {
        Flyway upgrade = Flyway.configure().dataSource(dataSource).locations(locations()).load();
        MigrationVersion before = Arrays.stream(upgrade.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion(version)) < 0).max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(dataSource).locations(locations()).target(before).load().migrate();
        return upgrade;
    }

    private static String column(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT match_keys FROM work_items WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<String> keyRows(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT work_id, match_key FROM work_match_keys ORDER BY work_id, match_key")) {
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return found;
    }
}
