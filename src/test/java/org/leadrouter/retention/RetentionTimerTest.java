package org.leadrouter.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadrouter.db.DataConfig;
import org.leadrouter.rules.Eventually;

/** The running service sweeps in the background once a retention is set, in the documented form ("400d"). */
@QuarkusTest
@TestProfile(RetentionTimerTest.Retained400Days.class)
class RetentionTimerTest {

    public static class Retained400Days implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrouter.retention.decisions", "400d", "leadrouter.retention.interval", "100ms");
        }
    }

    @Inject
    DataConfig data;

    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;

    @Test
    void aLeadRecordedMoreThan400DaysAgoIsDeletedAndAYoungerOneKept() throws SQLException {
        Instant now = Instant.now();
        insert("retained-401d", now.minus(Duration.ofDays(401)));
        insert("retained-399d", now.minus(Duration.ofDays(399)));

        Eventually.await("the lead recorded 401 days ago is deleted", () -> !exists("retained-401d"), () -> "still there");
        if (!exists("retained-399d")) {
            throw new AssertionError("the lead recorded 399 days ago was deleted");
        }
    }

    private Connection connection() throws SQLException {
        return dataSources.select(new DataSourceLiteral(data.database().datasourceName())).get().getConnection();
    }

    private void insert(String id, Instant recorded) throws SQLException {
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score,"
                        + " required_skills, fallback, rules_fired, degraded, decided_at)"
                        + " VALUES (?, 'retention-test', ?, ?, '{}', 'q', 0, 0, '', FALSE, '', '', ?)")) {
            insert.setString(1, id);
            for (int i = 2; i <= 4; i++) {
                insert.setObject(i, recorded.atOffset(ZoneOffset.UTC));
            }
            insert.executeUpdate();
        }
    }

    private boolean exists(String id) {
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement("SELECT 1 FROM leads WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
