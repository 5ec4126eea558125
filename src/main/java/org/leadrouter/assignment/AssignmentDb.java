package org.leadrouter.assignment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import javax.sql.DataSource;
import org.leadrouter.intake.DataConfig;
import org.leadrouter.intake.RecordUnavailableException;

/**
 * Transactions on the record's database (the same one intake writes). Rows are locked in one
 * order everywhere, work item before agent, so transactions wait for each other but do not
 * deadlock; a lock timeout or deadlock the database reports anyway is retried.
 */
@ApplicationScoped
public class AssignmentDb {

    private static final int ATTEMPTS = 5;
    // H2: lock timeout (HYT00), deadlock (40001); PostgreSQL: serialization (40001), deadlock (40P01), lock (55P03).
    private static final Set<String> RETRYABLE = Set.of("HYT00", "40001", "40P01", "55P03");

    private final DataSource dataSource;

    @Inject
    AssignmentDb(DataConfig config, @Any Instance<AgroalDataSource> dataSources) {
        this(dataSources.select(new DataSourceLiteral(config.database().datasourceName())).get());
    }

    public AssignmentDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction, committed if it returns; database failures answer 503. */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
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
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && RETRYABLE.contains(e.getSQLState())) {
                    continue;
                }
                throw new RecordUnavailableException("assignment could not use the database; retry", e);
            }
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
