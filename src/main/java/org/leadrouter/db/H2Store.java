package org.leadrouter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The one place that reaches into H2's engine: its SQL offers no online compaction (only
 * {@code SHUTDOWN COMPACT}, which closes the database), and its own background compaction runs
 * only with a write delay, under which {@code CHECKPOINT SYNC} can return before the commit it is
 * meant to make durable is written (docs/performance.md). So the store behind an embedded
 * connection is fetched here and compacted through {@link MVStore}'s public methods.
 * H2StoreTest fails if an H2 upgrade changes any of this.
 */
final class H2Store {

    private H2Store() {
    }

    /** The file store behind an embedded connection; empty for an in-memory database or a server connection. */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }
}
