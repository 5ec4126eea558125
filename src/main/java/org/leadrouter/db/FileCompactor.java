package org.leadrouter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file compact while it is written, a bounded step at a time: H2 writes
 * each commit as a new chunk with fresh copies of the pages it touched, so most of an old chunk
 * is soon dead, and its space is reused only once none of its pages is live. Each step moves the
 * few live pages out of the sparsest old chunks, so those chunks empty and their space is reused
 * for new ones instead of the file growing.
 */
public class FileCompactor {

    private final DataSource dataSource;
    private final DataConfig.Compaction settings;

    public FileCompactor(DataSource dataSource, DataConfig.Compaction settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * Sets how old a chunk must be before its space is reused (H2 keeps the setting in the
     * database, so it is set at every start); answers false, doing nothing, unless the database
     * is an embedded file.
     */
    public boolean prepare() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (H2Store.of(connection).isEmpty()) {
                return false;
            }
            statement.execute("SET RETENTION_TIME " + settings.retention().toMillis());
            return true;
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not set the embedded database's retention time", e);
        }
    }

    /** One step: moves at most {@code step} bytes of live pages, then writes and syncs them. */
    public void step() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Optional<MVStore> store = H2Store.of(connection);
            if (store.isEmpty()) {
                return;
            }
            // Gives up after 10 ms if a commit holds H2's store lock; the next step tries again.
            store.get().compact(settings.targetFillRate(), (int) Math.min(Integer.MAX_VALUE, settings.step().asLongValue()));
            // The moved pages go to the disk in one chunk before the chunks they left can be
            // overwritten, and so does every commit not synced since the last step (intake syncs
            // its own): nothing unsynced is ever older than the interval, well under the retention.
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new RecordUnavailableException("could not compact the embedded database", e);
        }
    }
}
