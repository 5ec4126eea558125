package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The service's H2 schema, as its own Flyway configuration migrates it: every identity hands out
 * values from a large cache, since H2 stores the whole file each time it writes an identity's
 * high-water mark (db/h2/V80__identity_caches.sql). A table added with an identity needs its line there.
 */
@QuarkusTest
class IdentityCachesTest {

    @Inject
    @DataSource("h2")
    AgroalDataSource dataSource;

    @Test
    void everyIdentityOfTheH2SchemaHasALargeCache() throws SQLException {
        Map<String, Long> caches = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery("""
                        SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'""")) {
            while (rows.next()) {
                caches.put(rows.getString(1) + "." + rows.getString(2), rows.getLong(3));
            }
        }
        assertFalse(caches.isEmpty(), "the schema has identities");
        Map<String, Long> small = new TreeMap<>(caches);
        small.values().removeIf(cache -> cache >= 100_000);
        assertEquals(Map.of(), small, "identities with a small cache, of " + caches.keySet());
    }
}
