package org.leadrouter.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Lists of strings into SQL (one array parameter) and out of it (a result's first column). */
public final class SqlLists {

    private SqlLists() {
    }

    /**
     * Binds the values as one array, for {@code column = ANY(?)} or {@code column <> ALL(?)}; an
     * empty list matches nothing with ANY and everything with ALL. One statement text serves every
     * length of list: with {@code IN (?, ?, ...)} each length was a statement of its own, parsed
     * again and kept in H2's per-connection statement cache, and H2 visits every cached query at a
     * transaction's first write to each table (docs/performance.md, "One statement per question").
     */
    public static void setArray(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("VARCHAR", values.toArray()));
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
