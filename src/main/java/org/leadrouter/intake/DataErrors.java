package org.leadrouter.intake;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a lead the database refuses (SQLSTATE class 22, data exception, or 23, integrity
 * violation) from a database that is not there (class 08 and everything else). Only the latter
 * is worth a retry.
 */
final class DataErrors {

    private DataErrors() {
    }

    static boolean isDataError(Throwable failure) {
        Optional<String> state = sqlState(failure);
        if (state.isPresent()) {
            return state.get().startsWith("22") || state.get().startsWith("23");
        }
        // Not from the database at all: a lead the store could not turn into a row.
        return failure instanceof RuntimeException;
    }

    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // A JDBC batch reports the statement's own error as the next exception.
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && !e.getSQLState().isBlank()) {
                        return Optional.of(e.getSQLState());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
