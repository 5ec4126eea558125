package org.leadrouter.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Lists of strings into SQL ({@code IN (...)} parameters) and out of it (a result's first column). */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code n} comma-separated parameters; NULL for none, which matches nothing, as an empty list would. */
    public static String marks(int n) {
        return n == 0 ? "NULL" : "?,".repeat(n - 1) + "?";
    }

    /** Sets the values as the parameters from index {@code first} on; returns the index after the last. */
    public static int setStrings(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String value : values) {
            statement.setString(i++, value);
        }
        return i;
    }

    /** The first column of every row: ids. */
    public static List<String> ids(PreparedStatement select) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
