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

    private static final String REWRITABLE_FILL_RATE = "info.CHUNKS_FILL_RATE_RW";

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

    /**
     * How full (percent) the chunks are that H2 may rewrite: those older than the retention time.
     * The younger ones, the last seconds of commits, are mostly dead already and weigh down the
     * fill rate of all chunks whatever the steps do. H2 reports it only among its info values.
     */
    static int rewritableFillRate(MVStore store) {
        String[] fillRate = {null};
        store.getFileStore().populateInfo((name, value) -> {
            if (name.equals(REWRITABLE_FILL_RATE)) {
                fillRate[0] = value;
            }
        });
        if (fillRate[0] == null) {
            throw new IllegalStateException("this H2 does not report " + REWRITABLE_FILL_RATE);
        }
        return Integer.parseInt(fillRate[0]);
    }
}
