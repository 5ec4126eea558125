package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.work.WorkStore;

/**
 * Upgrades of databases with data: a database at the version before a migration gets rows as that
 * version wrote them, is migrated as the service migrates it at start, and its rows still read as
 * they did. One subclass per database.
 */
abstract class SchemaUpgradeContract {

    /** A database with no schema yet. */
    abstract DataSource empty();

    /** Where the service finds this database's migrations. */
    abstract String[] locations();

    /**
     * Match keys moved onto the item (db/migration/V90): intake writes them into the item's row, but
     * items recorded before keep theirs in work_match_keys, where they are still read, and an
     * acceptance after the upgrade does not write them twice.
     */
    @Test
    void itemsRecordedBeforeTheKeysMovedKeepTheirKeys() throws SQLException {
        DataSource dataSource = empty();
        Flyway upgrade = migratedToJustBefore(dataSource, "90");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String id : List.of("waiting", "no-keys", "accepted")) {
                s.execute("INSERT INTO work_items (id, segment, routed_queue, queue, required_skills, skills_waived, priority, score,"
                        + " fallback, state, attempts, escalated, received_at, routed_at, created_at, sla_due_at)"
                        + " VALUES ('" + id + "', 'motor', 'q', 'q', '{}', FALSE, 1, 1, FALSE, 'WAITING', 0, FALSE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            s.execute("INSERT INTO agents (id, name, capacity, time_zone, working_hours, presence, presence_since, load_units)"
                    + " VALUES ('ann', 'Ann', 1, 'UTC', '', 'ONLINE', CURRENT_TIMESTAMP, 0)");
            s.execute("UPDATE work_items SET state = 'ACCEPTED', agent_id = 'ann', accepted_at = CURRENT_TIMESTAMP WHERE id = 'accepted'");
            s.execute("INSERT INTO work_match_keys (work_id, match_key) VALUES ('waiting', 'email:priya@example.com'),"
                    + " ('waiting', 'company:acme \"the\" \\ best'), ('accepted', 'email:priya@example.com')");
        }

        upgrade.migrate();

        try (Connection c = dataSource.getConnection()) {
            WorkStore work = new WorkStore();
            assertEquals(Set.of("email:priya@example.com", "company:acme \"the\" \\ best"), work.matchKeys(c, "waiting"));
            assertEquals(Set.of(), work.matchKeys(c, "no-keys"));
            assertEquals(Set.of("email:priya@example.com"), work.matchKeys(c, "accepted"),
                    "an item accepted, then released, is looked up by its own keys");

            work.markAccepted(c, "waiting", "ann", Instant.now());
            assertEquals(List.of("accepted email:priya@example.com", "waiting company:acme \"the\" \\ best",
                    "waiting email:priya@example.com"), keyRows(c), "each key once, where sticky routing finds it");
        }
    }

    /**
     * A database that applied the first text of a rewritten migration (RewrittenMigrations) starts
     * as before; without the callback Flyway would refuse it for the changed checksum.
     */
    @Test
    void aDatabaseThatAppliedTheFirstTextOfARewrittenMigrationStillStarts() throws SQLException {
        for (RewrittenMigrations.Rewrite rewrite : RewrittenMigrations.REWRITES) {
            DataSource dataSource = empty();
            flyway(dataSource).load().migrate();
            try (Connection c = dataSource.getConnection()) {
                assertEquals(1, appliedFirstText(c, rewrite));
            }

            assertThrows(FlywayValidateException.class,
                    () -> Flyway.configure().dataSource(dataSource).locations(locations()).load().validate());
            flyway(dataSource).load().migrate();
            flyway(dataSource).load().validate();
        }
    }

    /**
     * Makes a migrated database look as if it had applied the rewrite's first text: Flyway's history
     * holds that text's checksum. Answers the history rows changed.
     */
    static int appliedFirstText(Connection c, RewrittenMigrations.Rewrite rewrite) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?")) {
            update.setInt(1, rewrite.oldChecksum());
            update.setString(2, rewrite.version());
            return update.executeUpdate();
        }
    }

    /** Flyway as the service configures it at start (MigrationCallbacks). */
    private FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(locations()).callbacks(new RewrittenMigrations());
    }

    /** Migrates to the last version before {@code version}; answers the Flyway that migrates the rest. */
    private Flyway migratedToJustBefore(DataSource dataSource, String version) {
        Flyway upgrade = flyway(dataSource).load();
        MigrationVersion before = Arrays.stream(upgrade.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion(version)) < 0).max(Comparator.naturalOrder()).orElseThrow();
        flyway(dataSource).target(before).load().migrate();
        return upgrade;
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
