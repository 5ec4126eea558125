package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file written as the service writes it (its URL settings, small commits touching a
 * table and its indexes, each written to the file by itself, as a store each interval holds a
 * few leads at a low rate): without compaction it grows by many times its live rows, with a
 * compaction step between groups of commits it stays within the text it holds.
 */
class FileCompactorTest {

    private static final int ROUNDS = 200;
    private static final int COMMITS_PER_ROUND = 10;
    private static final int ROWS_PER_COMMIT = 5;
    private static final int BODY = 350;
    /**
     * The file at most this many times the text it holds: its pages are compressed, but partly
     * empty, and space waits the retention time before reuse; it does not grow with every commit.
     */
    private static final int BOUND = 1;

    @TempDir
    Path dir;
    private JdbcDataSource database;

    @BeforeEach
    void createTable() throws SQLException {
        database = H2StoreTest.h2("jdbc:h2:file:" + dir.resolve("leadrouter") + DatabaseSelection.H2_SETTINGS);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE leads (id VARCHAR(40) PRIMARY KEY, seq BIGINT GENERATED ALWAYS AS IDENTITY,"
                    + " segment VARCHAR(20), body VARCHAR(1000))");
            statement.execute("CREATE INDEX leads_segment_seq ON leads (segment, seq)");
        }
    }

    @Test
    void stepsKeepTheFileNearItsLiveRows() throws Exception {
        FileCompactor compactor = new FileCompactor(database, new Settings(Duration.ZERO));
        assertTrue(compactor.prepare());

        long size = write(compactor);

        assertTrue(size <= BOUND * textWritten(), size + " bytes for " + textWritten() + " bytes of text");
    }

    @Test
    void withoutStepsTheFileGrowsFarBeyondItsLiveRows() throws Exception {
        long size = write(null);

        assertFalse(size <= BOUND * textWritten(), size + " bytes for " + textWritten() + " bytes of text");
    }

    @Test
    void stepsStaySmallWhileTheFileKeepsUpAndGrowAsItLags() {
        Settings settings = new Settings(Duration.ZERO);
        long smallest = settings.smallestStep().asLongValue();

        assertEquals(smallest, FileCompactor.stepBytes(49, settings));
        assertEquals(smallest, FileCompactor.stepBytes(48, settings));
        assertEquals(2 * smallest, FileCompactor.stepBytes(47, settings));
        assertEquals(4 * smallest, FileCompactor.stepBytes(44, settings));
        assertEquals(settings.step().asLongValue(), FileCompactor.stepBytes(38, settings));
        assertEquals(settings.step().asLongValue(), FileCompactor.stepBytes(0, settings));
    }

    @Test
    void smallerStepsComeSoonerAtTheSameBytesPerInterval() {
        Settings settings = new Settings(Duration.ZERO);

        assertEquals(settings.interval(), FileCompactor.pauseAfter(settings.step().asLongValue(), settings));
        assertEquals(settings.interval().dividedBy(16), FileCompactor.pauseAfter(settings.smallestStep().asLongValue(), settings));
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() {
        assertFalse(new FileCompactor(H2StoreTest.h2("jdbc:h2:mem:"), new Settings(Duration.ZERO)).prepare());
    }

    /** Writes the rows in small commits, each written to the file, with a compaction step after each round if given; answers the file's size. */
    private long write(FileCompactor compactor) throws SQLException, IOException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (id, segment, body) VALUES (?, ?, ?)")) {
            int id = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int commit = 0; commit < COMMITS_PER_ROUND; commit++) {
                    connection.setAutoCommit(false);
                    for (int row = 0; row < ROWS_PER_COMMIT; row++, id++) {
                        insert.setString(1, "lead-" + id);
                        insert.setString(2, id % 2 == 0 ? "insurance" : "telecoms");
                        insert.setString(3, body(id));
                        insert.executeUpdate();
                    }
                    connection.commit();
                    H2Store.write(connection);
                }
                if (compactor != null) {
                    compactor.step();
                }
            }
            // Measured while open: closing the last connection runs H2's own time-boxed compaction.
            return Files.size(dir.resolve("leadrouter.mv.db"));
        }
    }

    private static long textWritten() {
        return (long) ROUNDS * COMMITS_PER_ROUND * ROWS_PER_COMMIT * BODY;
    }

    /** About a lead as received. */
    private static String body(int id) {
        return ("lead " + id + " ").repeat(BODY / 7).substring(0, BODY);
    }

    private record Settings(Duration retention) implements DataConfig.Compaction {

        @Override
        public Duration interval() {
            return Duration.ofMillis(500);
        }

        @Override
        public MemorySize step() {
            return new MemorySize(BigInteger.valueOf(4 << 20));
        }

        @Override
        public MemorySize smallestStep() {
            return new MemorySize(BigInteger.valueOf(256 << 10));
        }

        @Override
        public int targetFillRate() {
            return 50;
        }
    }
}
