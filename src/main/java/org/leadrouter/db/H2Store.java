package org.leadrouter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The one place that reaches into H2's engine. Its SQL offers no online compaction (only
 * {@code SHUTDOWN COMPACT}, which closes the database), and under a write delay, which the
 * embedded record runs with (intake makes its own commits durable through its journal),
 * {@code CHECKPOINT SYNC} can return before a commit H2's background writer has queued is on the
 * file (docs/performance.md). So the store behind an embedded connection is fetched here, written
 * and synced, and compacted through {@link MVStore}'s public methods.
 * H2StoreTest fails if an H2 upgrade changes any of this.
 */
public final class H2Store {

    private static final String REWRITABLE_FILL_RATE = "info.CHUNKS_FILL_RATE_RW";

    private H2Store() {
    }

    /** The file store behind an embedded connection; empty for an in-memory database or a server connection. */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        return session(connection).map(session -> session.getDatabase().getStore().getMvStore())
                .filter(store -> store.getFileStore() != null);
    }

    /** The engine's session behind an embedded connection, file or in-memory; empty for a server connection. */
    private static Optional<SessionLocal> session(Connection connection) throws SQLException {
        return isH2(connection) && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                ? Optional.of(session) : Optional.empty();
    }

    /** Whether the connection is H2's, embedded or not: for the few questions H2 must be asked otherwise. */
    public static boolean isH2(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class);
    }

    /** Whether the connection reaches an embedded file database, whose commits {@link #write} and {@link #writeAndSync} store. */
    public static boolean isEmbeddedFile(Connection connection) throws SQLException {
        return of(connection).isPresent();
    }

    /**
     * Writes every change committed so far to the file, as H2 does at each commit without a write
     * delay: a process killed afterwards loses none of it (the OS has it). Nothing for other databases.
     */
    public static void write(Connection connection) throws SQLException {
        of(connection).ifPresent(MVStore::commit);
    }

    /** Whether the connection's open transaction has changed anything (an embedded database; false for others). */
    static boolean hasUncommittedChanges(Connection connection) throws SQLException {
        return session(connection).filter(SessionLocal::hasPendingTransaction).isPresent();
    }

    /**
     * Writes every change committed so far to the file and forces it to the disk, waiting for any
     * write H2's background writer has queued: {@code CHECKPOINT SYNC} finds nothing unsaved while
     * such a write is still queued, and syncs before it. Nothing for other databases.
     */
    public static void writeAndSync(Connection connection) throws SQLException {
        of(connection).ifPresent(H2Store::writeAndSync);
    }

    /** As {@link #writeAndSync(Connection)}, for a store already in hand. */
    static void writeAndSync(MVStore store) {
        store.commit();
        // Waits for queued writes only: forcing the file under H2's store lock would hold up every other store.
        store.executeFilestoreOperation(() -> { });
        store.sync();
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
