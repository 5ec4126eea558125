package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails if an H2 upgrade moves the store behind a connection, or what it reports of it (see H2Store). */
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
    void chunksOfOverwrittenRowsReportTheirLowFillRate() throws SQLException {
        try (Connection connection = h2("jdbc:h2:file:" + dir.resolve("db") + DatabaseSelection.H2_SETTINGS).getConnection();
             Statement statement = connection.createStatement()) {
            // Every chunk may be rewritten at once: none is kept back as young.
            statement.execute("SET RETENTION_TIME 0");
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, body VARCHAR(10000))");
            statement.execute("INSERT INTO t VALUES (1, REPEAT('x', 5000))");
            H2Store.write(connection);
            MVStore store = H2Store.of(connection).orElseThrow();
            int fresh = H2Store.rewritableFillRate(store);
            for (int i = 0; i < 50; i++) {
                statement.execute("UPDATE t SET body = REPEAT('" + (char) ('a' + i % 26) + "', 5000)");
                H2Store.write(connection);
            }

            int overwritten = H2Store.rewritableFillRate(store);

            assertTrue(overwritten < fresh, "fill rate " + fresh + "% fresh, " + overwritten + "% overwritten");
        }
    }

    @Test
    void aTransactionHasUncommittedChangesOnlyOnceItHasWritten() throws SQLException {
        try (Connection connection = h2("jdbc:h2:file:" + dir.resolve("db")).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            connection.setAutoCommit(false);
            statement.executeQuery("SELECT COUNT(*) FROM t").close();
            assertFalse(H2Store.hasUncommittedChanges(connection));

            statement.execute("INSERT INTO t VALUES (1)");
            assertTrue(H2Store.hasUncommittedChanges(connection));

            connection.commit();
            assertFalse(H2Store.hasUncommittedChanges(connection));
        }
    }

    @Test
    void aWriteStoresWhatWasCommittedUnderAWriteDelay() throws SQLException {
        try (Connection connection = h2("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=3600000").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            MVStore store = H2Store.of(connection).orElseThrow();
            assertTrue(store.hasUnsavedChanges());

            H2Store.writeAndSync(connection);

            assertFalse(store.hasUnsavedChanges());
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
