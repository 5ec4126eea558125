package org.leadrouter.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as {@code TIMESTAMP WITH TIME ZONE} in UTC: the one column type H2 and PostgreSQL
 * both read back as the same instant whatever the server's or JVM's zone.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** Sets the statement's parameters from the first, in order: instants as above, anything else as it is. */
    public static void setParameters(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Instant at) {
                setInstant(statement, i + 1, at);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
