package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded file, whose own writes wait a write delay, a transaction that changed anything is in the file when it returns. */
class TransactionsTest {

    @TempDir
    Path dir;
    private JdbcDataSource database;
    private Connection open;
    private MVStore store;

    @BeforeEach
    void createTable() throws SQLException {
        database = H2StoreTest.h2("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=3600000");
        open = database.getConnection();
        try (Statement statement = open.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        store = H2Store.of(open).orElseThrow();
        H2Store.write(open);
    }

    @AfterEach
    void close() throws SQLException {
        open.close();
    }

    @Test
    void aTransactionThatWroteIsInTheFileWhenItReturns() {
        new Transactions(database).inTransaction(c -> insert(c, 1));

        assertFalse(store.hasUnsavedChanges());
    }

    @Test
    void aTransactionThatOnlyReadLeavesOthersCommitsToTheirOwnWrite() throws SQLException {
        // A lead batch, committed and left to the journal and the next checkpoint.
        insert(open, 1);

        new Transactions(database).inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                statement.executeQuery("SELECT COUNT(*) FROM t").close();
            }
            return null;
        });

        assertTrue(store.hasUnsavedChanges());
    }

    private static Void insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO t VALUES (" + id + ")");
        }
        return null;
    }
}
