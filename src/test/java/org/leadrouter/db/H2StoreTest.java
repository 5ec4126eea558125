package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails if an H2 upgrade moves the store behind a connection (see H2Store). */
class H2StoreTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedFileDatabaseHasAFileStore() throws SQLException {
        try (Connection connection = h2("jdbc:h2:file:" + dir.resolve("db")).getConnection()) {
            assertTrue(H2Store.of(connection).orElseThrow().getFileStore().getFileName().endsWith("db.mv.db"));
        }
    }

    @Test
    void anInMemoryDatabaseHasNone() throws SQLException {
        try (Connection connection = h2("jdbc:h2:mem:").getConnection()) {
            assertEquals(java.util.Optional.empty(), H2Store.of(connection));
        }
    }

    static JdbcDataSource h2(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
    }
}
