package org.leadrouter.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Transactions on the record's database (the same one intake writes). Rows are locked in one
 * order everywhere, work item before agent, so transactions wait for each other but do not
 * deadlock; a lock timeout or deadlock the database reports anyway is retried.
 */
@ApplicationScoped
public class Transactions {

    private static final int ATTEMPTS = 5;
    // H2: lock timeout (HYT00), deadlock (40001); PostgreSQL: serialization (40001), deadlock (40P01), lock (55P03).
    private static final Set<String> RETRYABLE = Set.of("HYT00", "40001", "40P01", "55P03");

    private final DataSource dataSource;

    @Inject
    Transactions(DataConfig config, @Any Instance<AgroalDataSource> dataSources) {
        this(dataSources.select(new DataSourceLiteral(config.database().datasourceName())).get());
    }

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The record's database, for work that is not a transaction. */
    DataSource dataSource() {
        return dataSource;
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in one transaction, committed if it returns; database failures answer 503. On
     * the embedded database a transaction that changed anything is written to the file before this
     * returns, which its write delay would leave for later; one that only read writes nothing, since
     * writing the file writes every commit not yet in it (the lead writer's among them).
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean[] changed = {false};
                T result = commit(connection, c -> {
                    T done = work.run(c);
                    changed[0] = H2Store.hasUncommittedChanges(c);
                    return done;
                });
                if (changed[0]) {
                    H2Store.write(connection);
                }
                return result;
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && e.getSQLState() != null && RETRYABLE.contains(e.getSQLState())) {
                    continue;
                }
                throw new RecordUnavailableException("assignment could not use the database; retry", e);
            }
        }
    }

    /**
     * Runs the work as one transaction on a connection the caller holds: committed if it returns,
     * rolled back if it throws, and the connection left in auto-commit either way.
     */
    public static <T> T commit(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
