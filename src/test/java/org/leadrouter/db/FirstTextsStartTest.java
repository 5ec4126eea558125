package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The service starts on an H2 database that applied the first texts of the rewritten migrations:
 * its own Flyway runs {@link RewrittenMigrations} (MigrationCallbacks), which SchemaUpgradeContract
 * tests with a plain Flyway.
 */
@QuarkusTest
@TestProfile(FirstTextsStartTest.FirstTexts.class)
class FirstTextsStartTest {

    static final String URL = "jdbc:h2:mem:first-texts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    /** H2's first texts: V91 of db/h2, V92 and V90 of db/migration. */
    static final List<RewrittenMigrations.Rewrite> H2_FIRST_TEXTS = List.of(
            RewrittenMigrations.REWRITES.get(0), RewrittenMigrations.REWRITES.get(2), RewrittenMigrations.REWRITES.get(3));

    @Test
    void theServiceStartedAndRecordedTheNewChecksums() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
             PreparedStatement select = c.prepareStatement(
                     "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?")) {
            for (RewrittenMigrations.Rewrite rewrite : H2_FIRST_TEXTS) {
                select.setString(1, rewrite.version());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertEquals(rewrite.newChecksum(), rows.getInt(1), "V" + rewrite.version());
                }
            }
        }
    }

    public static class FirstTexts implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MigratedByTheFirstTexts.class));
        }
    }

    /** Before the service starts: the schema as the build with the first texts left it. */
    public static class MigratedByTheFirstTexts implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2").load().migrate();
            try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
                for (RewrittenMigrations.Rewrite rewrite : H2_FIRST_TEXTS) {
                    SchemaUpgradeContract.appliedFirstText(c, rewrite);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.h2.jdbc.url", URL);
        }

        @Override
        public void stop() {
        }
    }
}
