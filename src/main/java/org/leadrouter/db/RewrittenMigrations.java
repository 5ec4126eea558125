package org.leadrouter.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Migrations whose text changed after they were first published, with the checksum Flyway
 * recorded for the old text. Before Flyway validates, a database that applied the old text gets
 * the new text's checksum, so it starts as before instead of failing validation; the new text
 * must leave the schema as the old did. Only rows with exactly the old checksum are touched: any
 * other difference still fails validation, as it should. A rewritten file's text is fixed by its
 * new checksum here (Flyway's CRC32 of its lines): SchemaUpgradeContract fails if the two part.
 */
public final class RewrittenMigrations implements Callback {

    record Rewrite(String version, int oldChecksum, int newChecksum) {
    }

    /**
     * V91 (one text for H2 and one for PostgreSQL) copied every work item's match keys into its
     * row in one statement: on a million items it ran for 14 minutes before the service could
     * answer, and grew the H2 file from 0.8 to 20 GB. Its one text now changes nothing: items
     * recorded before V90 keep their keys in work_match_keys, where {@code WorkStore.matchKeys}
     * reads them (docs/operations.md#upgrades). V92 filled every offer's segment from its item the
     * same way; offers made before it now have none, and the acceptance KPI reads their item's.
     * V90's comment said V91 copies the keys; only its comment changed.
     */
    static final List<Rewrite> REWRITES = List.of(
            new Rewrite("91", -458754297, 1992004),
            new Rewrite("91", 1842028178, 1992004),
            new Rewrite("92", 337075106, 1587525998),
            new Rewrite("90", -402215111, -319165975));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        try {
            Connection c = context.getConnection();
            if (!historyExists(c, table)) {
                return;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE \"" + table + "\" SET \"checksum\" = ?"
                    + " WHERE \"version\" = ? AND \"checksum\" = ?")) {
                for (Rewrite rewrite : REWRITES) {
                    update.setInt(1, rewrite.newChecksum());
                    update.setString(2, rewrite.version());
                    update.setInt(3, rewrite.oldChecksum());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("could not record the checksums of rewritten migrations", e);
        }
    }

    private static boolean historyExists(Connection c, String table) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "rewritten migrations";
    }
}
